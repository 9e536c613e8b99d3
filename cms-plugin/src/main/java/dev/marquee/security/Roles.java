package dev.marquee.security;

import java.util.List;

/** Marquee's roles (design.md, "Roles"); resources name them in {@code @RolesAllowed}. */
public final class Roles {
  private Roles() {}

  /** Catalog, tags, regions, templates, renders. */
  public static final String EDITOR = "marquee-editor";

  /** Audiences and experiments. */
  public static final String EXPERIMENTER = "marquee-experimenter";

  /** Approves and rolls back promotions. */
  public static final String PUBLISHER = "marquee-publisher";

  /** Settings, webhooks, API keys, local users. */
  public static final String ADMIN = "marquee-admin";

  /** Every role, in a stable order. */
  public static final List<String> ALL = List.of(EDITOR, EXPERIMENTER, PUBLISHER, ADMIN);
}
