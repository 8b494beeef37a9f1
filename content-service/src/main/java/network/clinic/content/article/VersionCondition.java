package network.clinic.content.article;

/**
 * Which version a staff write was based on: from {@code If-Match} (a mismatch is 412) or from the
 * body's {@code version} field (a mismatch is 409).
 */
record VersionCondition(Long expected, boolean fromIfMatch, boolean any) {

  static final VersionCondition NONE = new VersionCondition(null, false, false);

  static VersionCondition of(String ifMatch, Long bodyVersion) {
    if (ifMatch != null && !ifMatch.isBlank()) {
      String tag = ifMatch.strip();
      if (tag.equals("*")) {
        return new VersionCondition(null, true, true);
      }
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
        tag = tag.substring(1, tag.length() - 1);
      }
      try {
        return new VersionCondition(Long.parseLong(tag), true, false);
      } catch (NumberFormatException e) {
        // Names no version we ever issued (a public content ETag, a list): cannot match
        return new VersionCondition(-1L, true, false);
      }
    }
    return bodyVersion == null ? NONE : new VersionCondition(bodyVersion, false, false);
  }

  boolean isPresent() {
    return any || expected != null;
  }

  void check(Article article) {
    if (any || expected == null) {
      return;
    }
    if (!expected.equals(article.version())) {
      throw fromIfMatch ? ArticleProblems.preconditionFailed() : ArticleProblems.staleVersion();
    }
  }
}
