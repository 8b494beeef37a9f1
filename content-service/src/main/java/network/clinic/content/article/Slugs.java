package network.clinic.content.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL slugs for articles and the normal form of tags. */
public final class Slugs {

  public static final String SLUG_PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$";
  public static final int MAX_SLUG_LENGTH = 96;
  public static final String ID_PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$";
  public static final int MAX_TAG_LENGTH = 40;

  private static final Pattern SLUG = Pattern.compile(SLUG_PATTERN);
  private static final Pattern TAG = Pattern.compile("^[\\p{L}\\p{N}]+(?:-[\\p{L}\\p{N}]+)*$");
  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_ASCII_ALNUM = Pattern.compile("[^a-z0-9]+");
  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

  private Slugs() {}

  public static boolean isValidSlug(String slug) {
    return slug != null && slug.length() <= MAX_SLUG_LENGTH && SLUG.matcher(slug).matches();
  }

  /**
   * "Acupuncture & Back Pain: What “Evidence” Says" → {@code acupuncture-back-pain-what-evidence-says}.
   * Accents are folded; a title with no Latin letters or digits at all gets a stable
   * {@code article-<hash>} so that importing it again finds the same slug.
   */
  public static String fromTitle(String title) {
    String folded =
        COMBINING_MARKS.matcher(Normalizer.normalize(title.replace("ß", "ss").replace("æ", "ae").replace("ø", "o"), Normalizer.Form.NFKD))
            .replaceAll("")
            .toLowerCase(Locale.ROOT);
    String slug = trimHyphens(NOT_ASCII_ALNUM.matcher(folded).replaceAll("-"));
    if (slug.length() > MAX_SLUG_LENGTH) {
      slug = slug.substring(0, MAX_SLUG_LENGTH);
      int lastHyphen = slug.lastIndexOf('-');
      slug = trimHyphens(lastHyphen > MAX_SLUG_LENGTH / 2 ? slug.substring(0, lastHyphen) : slug);
    }
    return slug.isEmpty() ? "article-" + shortHash(title.strip()) : slug;
  }

  /** "Back Pain" and "back-pain" are one tag; letters of any script are kept. */
  public static String tag(String raw) {
    return raw == null ? "" : trimHyphens(NOT_LETTER_OR_DIGIT.matcher(raw.strip().toLowerCase(Locale.ROOT)).replaceAll("-"));
  }

  public static boolean isValidTag(String tag) {
    return tag != null && !tag.isEmpty() && tag.length() <= MAX_TAG_LENGTH && TAG.matcher(tag).matches();
  }

  private static String trimHyphens(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && value.charAt(start) == '-') {
      start++;
    }
    while (end > start && value.charAt(end - 1) == '-') {
      end--;
    }
    return value.substring(start, end);
  }

  private static String shortHash(String value) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
