package network.clinic.content.web;

import java.net.URI;

/** Stable problem {@code type} URIs: clients branch on these, so they never change meaning. */
public final class ProblemTypes {

  private static final String BASE = "https://clinic.network/problems/";

  public static final URI ARTICLE_NOT_FOUND = URI.create(BASE + "article-not-found");
  public static final URI INVALID_SLUG = URI.create(BASE + "invalid-slug");
  public static final URI INVALID_CURSOR = URI.create(BASE + "invalid-cursor");
  public static final URI INVALID_PARAMETER = URI.create(BASE + "invalid-parameter");
  public static final URI VALIDATION_FAILED = URI.create(BASE + "validation-failed");
  public static final URI MALFORMED_REQUEST = URI.create(BASE + "malformed-request");
  public static final URI INVALID_DOCUMENT = URI.create(BASE + "invalid-document");
  public static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");
  public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create(BASE + "unsupported-media-type");
  public static final URI NOT_ACCEPTABLE = URI.create(BASE + "not-acceptable");
  public static final URI METHOD_NOT_ALLOWED = URI.create(BASE + "method-not-allowed");
  public static final URI NOT_FOUND = URI.create(BASE + "not-found");
  public static final URI BAD_REQUEST = URI.create(BASE + "bad-request");
  public static final URI SLUG_TAKEN = URI.create(BASE + "slug-taken");
  public static final URI STALE_VERSION = URI.create(BASE + "stale-version");
  public static final URI PRECONDITION_FAILED = URI.create(BASE + "precondition-failed");
  public static final URI PRECONDITION_REQUIRED = URI.create(BASE + "precondition-required");
  public static final URI SERVER_ERROR = URI.create(BASE + "server-error");

  private ProblemTypes() {}
}
