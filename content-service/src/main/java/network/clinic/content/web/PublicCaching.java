package network.clinic.content.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import network.clinic.content.ContentProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * ETag and Cache-Control for public reads. The ETag is a hash of the representation, so a page
 * changes its tag when anything on it changes (another article published, a new cursor), and an
 * unchanged one answers a conditional GET with 304 and no body.
 *
 * <p>The representation is serialized once, here: the tag is the hash of the very bytes sent.
 * Letting Spring serialize the body again after hashing it cost a second Jackson pass per read
 * (an article body is several KB of HTML); serializing once raised article-by-slug throughput
 * in the benchmark.
 */
@Component
public class PublicCaching {

  private final JsonMapper json;
  private final CacheControl cacheControl;

  PublicCaching(JsonMapper json, ContentProperties properties) {
    this.json = json;
    this.cacheControl = CacheControl.maxAge(properties.publicMaxAge()).cachePublic();
  }

  /** A 200 with the body as JSON, or a 304 when the caller already holds this representation. */
  public ResponseEntity<byte[]> respond(Object body, String ifNoneMatch) {
    return respond(represent(body), ifNoneMatch);
  }

  /** As {@link #respond(Object, String)}, for a representation made earlier (and kept). */
  public ResponseEntity<byte[]> respond(Representation representation, String ifNoneMatch) {
    String etag = representation.etag();
    if (matches(ifNoneMatch, etag)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cacheControl).build();
    }
    return ResponseEntity.ok().eTag(etag).cacheControl(cacheControl).contentType(MediaType.APPLICATION_JSON).body(representation.json());
  }

  /** The body as it is sent, and its tag. */
  public Representation represent(Object body) {
    byte[] representation = json.writeValueAsBytes(body);
    return new Representation(representation, etagOf(representation));
  }

  public static boolean isNotModified(ResponseEntity<?> response) {
    return response.getStatusCode().value() == HttpStatus.NOT_MODIFIED.value();
  }

  /**
   * @param json the bytes of the response body; never modified once made
   * @param etag the strong tag of those bytes, quoted
   */
  public record Representation(byte[] json, String etag) {}

  static String etagOf(byte[] representation) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(representation);
      return "\"" + HexFormat.of().formatHex(Arrays.copyOf(digest, 16)) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Weak comparison, as RFC 9110 prescribes for If-None-Match. */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.equals("*")) {
        return true;
      }
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
