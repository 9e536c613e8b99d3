package dev.marquee.security.oidc;

/** The paths of the browser-facing admin UI, which sign in with a session rather than a token. */
final class AdminPaths {
  private AdminPaths() {}

  static boolean isBrowserPath(String path) {
    return path != null && (path.equals("/admin") || path.startsWith("/admin/"));
  }
}
