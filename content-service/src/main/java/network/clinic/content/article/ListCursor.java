package network.clinic.content.article;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The opaque {@code cursor} of list pages: the sort key of the last item served, base64url
 * encoded. Chronological lists continue after (publishedAt, slug); search results after
 * (score, slug), scored with the ranking of the first page (see {@link ArticleSearch.Page}).
 * Anything that does not decode to one of the two is a 400.
 */
sealed interface ListCursor {

  /** A search cursor carries its ranking, a few hundred characters for a few words, never 3,000. */
  int MAX_LENGTH = 4_096;

  Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");

  record Chronological(Instant publishedAt, String slug) implements ListCursor {}

  /** @param ranking base64url; null in cursors issued before rankings were pinned */
  record Relevance(float score, String slug, String ranking) implements ListCursor {}

  static String encode(ListCursor cursor) {
    String raw =
        switch (cursor) {
          case Chronological c -> "p|" + c.publishedAt().toEpochMilli() + "|" + c.slug();
          case Relevance r ->
              "r|" + Integer.toHexString(Float.floatToIntBits(r.score())) + "|" + r.slug() + (r.ranking() == null ? "" : "|" + r.ranking());
        };
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static ListCursor decode(String cursor) {
    if (cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
      throw ArticleProblems.invalidCursor();
    }
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
      boolean withRanking = parts.length == 4 && parts[0].equals("r") && BASE64URL.matcher(parts[3]).matches();
      if ((parts.length != 3 && !withRanking) || !Slugs.isValidSlug(parts[2])) {
        throw ArticleProblems.invalidCursor();
      }
      return switch (parts[0]) {
        case "p" -> new Chronological(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
        case "r" -> {
          float score = Float.intBitsToFloat(Integer.parseUnsignedInt(parts[1], 16));
          if (!Float.isFinite(score)) {
            throw ArticleProblems.invalidCursor();
          }
          yield new Relevance(score, parts[2], withRanking ? parts[3] : null);
        }
        default -> throw ArticleProblems.invalidCursor();
      };
    } catch (IllegalArgumentException | DateTimeException e) {
      throw ArticleProblems.invalidCursor();
    }
  }
}
