package dev.marquee.audit;

/** The kinds of things audit events are about, stored in {@code targetType}. */
public final class AuditTarget {
  public static final String ENTRY = "ENTRY";
  public static final String TAG = "TAG";
  public static final String CATALOG = "CATALOG";
  public static final String TEMPLATE = "TEMPLATE";
  public static final String WEBHOOK_SUBSCRIPTION = "WEBHOOK_SUBSCRIPTION";
  public static final String DELIVERY_APP = "DELIVERY_APP";
  public static final String SOURCE_IMAGE = "SOURCE_IMAGE";
  public static final String AUDIENCE_GROUP = "AUDIENCE_GROUP";
  public static final String EXPERIMENT = "EXPERIMENT";
  public static final String PROMOTION = "PROMOTION";

  /**
   * The published artwork of one entry and audience; the target id is {@code <entryId>/<audience>}.
   */
  public static final String ARTWORK = "ARTWORK";

  /** The global holdout setting; the target id is always {@code global}. */
  public static final String HOLDOUT = "HOLDOUT";

  /** A viewer's personal data; the target id is the viewer's pseudonymous key, never the raw id. */
  public static final String VIEWER = "VIEWER";

  /** The delivery guardrail policy; the target id is always {@code policy}. */
  public static final String GUARDRAILS = "GUARDRAILS";

  /** A named feed row; the target id is the row's name. */
  public static final String FEED_ROW = "FEED_ROW";

  /** A local account; the target id is the account's id, the details never hold a password. */
  public static final String USER = "USER";

  private AuditTarget() {}
}
