package dev.marquee.delivery.access;

import jakarta.enterprise.context.RequestScoped;

/**
 * The delivery app the current request is authenticated as. Set by the delivery API key filter
 * before any resource under {@code /api/v1/delivery} runs; delivery resources inject it.
 */
@RequestScoped
public class DeliveryCaller {
  private AuthenticatedApp app;

  /** Called by the authentication filter once the key is verified. */
  public void authenticate(AuthenticatedApp app) {
    this.app = app;
  }

  /**
   * @throws IllegalStateException outside an authenticated delivery request (a wiring defect: the
   *     filter answers 401 before resources run)
   */
  public AuthenticatedApp app() {
    if (app == null) {
      throw new IllegalStateException("no delivery app authenticated this request");
    }
    return app;
  }
}
