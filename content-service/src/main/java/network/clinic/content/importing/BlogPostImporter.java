package network.clinic.content.importing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.clinic.content.article.FaqEntry;
import network.clinic.content.article.Slugs;
import org.springframework.stereotype.Component;

/**
 * Turns a post as it comes off a clinic blog (copied as plain text, or exported as Markdown)
 * into an article draft:
 *
 * <ul>
 *   <li>the first non-empty line is the title; a byline right after it ({@code By Name | Nov 16,
 *       2017 | Cat A, Cat B}) gives author, date and tags;
 *   <li>a short, title-like line standing alone between paragraphs becomes a heading;
 *   <li>{@code •}, {@code -}, {@code *} bullets and {@code 1.} / {@code 1)} items, indented or
 *       not, become lists;
 *   <li>{@code Q:} / {@code A:} pairs become FAQ entries (and stay in the text);
 *   <li>trailing blog furniture ("Leave a Reply", share prompts, post navigation) is dropped;
 *       everything else, phone numbers and disclaimers included, is kept as text.
 * </ul>
 *
 * Plain text is escaped so that a stray {@code *} or {@code <} stays a character; Markdown
 * keeps its inline formatting. Typographic quotes and any script pass through untouched.
 */
@Component
class BlogPostImporter {

  static final int MAX_TITLE_LENGTH = 200;
  private static final int MAX_HEADING_LENGTH = 80;
  private static final int MAX_HEADING_WORDS = 12;
  private static final int MAX_REPORTED_LINE = 80;

  private static final Pattern MARKDOWN_HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");
  private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*+–](?=\\s)|[•·▪◦‣])\\s*(\\S.*)$");
  private static final Pattern NUMBERED = Pattern.compile("^\\s*(\\d{1,3})[.)]\\s+(\\S.*)$");
  private static final Pattern QUESTION = Pattern.compile("^\\s*(?:\\*\\*)?(?:Q|Question)\\s*[:：]\\s*(?:\\*\\*)?\\s*(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern ANSWER = Pattern.compile("^\\s*(?:\\*\\*)?(?:A|Answer)\\s*[:：]\\s*(?:\\*\\*)?\\s*(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern INLINE_ANSWER = Pattern.compile("\\s(?:A|Answer)\\s*[:：]\\s+");
  private static final Pattern SEPARATOR = Pattern.compile("^\\s*([-=_*~])(?:\\s*\\1){2,}\\s*$");
  private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~).*$");
  private static final Pattern PHONE_URL_OR_EMAIL =
      Pattern.compile("(\\+?\\d[\\d ()-]{6,}\\d)|(https?://)|(www\\.)|([\\w.+-]+@[\\w-]+\\.[\\w.]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>&])");

  private static final Pattern BY = Pattern.compile("^(?:posted\\s+by|written\\s+by|by)\\s+(.+?)(?:\\s+on\\s+(.+))?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern POSTED_ON_BY = Pattern.compile("^posted\\s+on\\s+(.+?)\\s+by\\s+(.+)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern CATEGORIES = Pattern.compile("^(?:posted\\s+)?in\\s+(.+)$|^(?:categories|category|tags|filed under)\\s*:\\s*(.+)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern ORDINAL = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)\\b", Pattern.CASE_INSENSITIVE);
  private static final Set<String> DEFAULT_CATEGORIES = Set.of("uncategorized", "uncategorised", "general", "blog");

  private static final List<DateTimeFormatter> DATE_FORMATS =
      List.of(
          "MMM d, uuuu", "MMMM d, uuuu", "MMM d uuuu", "MMMM d uuuu", "d MMM uuuu", "d MMMM uuuu", "d MMM, uuuu", "d MMMM, uuuu",
          "uuuu-MM-dd")
          .stream()
          .map(p -> new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p).toFormatter(Locale.ENGLISH))
          .toList();

  /** A line that starts the trailing furniture of a blog page: it and all after it go. */
  private static final List<Pattern> BOILERPLATE_SECTION =
      patterns(
          "leave a (reply|comment)( cancel reply)?",
          "(share|sharing) (this|the) (post|article|story|page)[.!:]?",
          "share this[.!:]?",
          "like this:?",
          "related( posts| articles)?:?",
          "post navigation",
          "you (may|might) also like.*",
          "comments? (are|is) closed\\.?",
          "your email address will not be published.*",
          "(\\d+ )?comments?:?",
          "no comments( yet)?\\.?",
          "click to share on .*");

  /** Lines dropped when they come last (scanning back from the end), and only then. */
  private static final List<Pattern> BOILERPLATE_LINE =
      patterns(
          "(facebook|twitter|x|linkedin|pinterest|whatsapp|reddit|tumblr|telegram|email|print|copy link|tweet|pin it)",
          "share (on|via|to) .*",
          "(tags?|tagged|posted in|filed under|categories|category)\\s*:?\\s.*",
          "(←\\s*)?(previous|next|older|newer) (post|article|entry)(\\s*→)?.*",
          "read more\\.?",
          "back to (the )?(blog|top|all posts|news)",
          "\\d+ (likes?|shares?)",
          "(name|email|website|comment)\\s*\\*?",
          "post comment",
          "save my name, email, and website.*");

  ImportedPost parse(String document, boolean markdown) {
    List<String> lines = List.of(normalise(document).split("\n", -1));
    List<String> warnings = new ArrayList<>();

    int cursor = skipBlank(lines, 0);
    if (cursor >= lines.size()) {
      throw new InvalidDocumentException("The document is empty.");
    }
    String title = cleanTitle(lines.get(cursor), markdown);
    if (title.isEmpty()) {
      throw new InvalidDocumentException("The first line must be the title.");
    }
    if (title.length() > MAX_TITLE_LENGTH) {
      throw new InvalidDocumentException("The first line is the title and may have at most " + MAX_TITLE_LENGTH + " characters.");
    }
    cursor++;

    Byline byline = null;
    int afterTitle = skipBlank(lines, cursor);
    if (afterTitle < lines.size()) {
      byline = parseByline(lines.get(afterTitle).strip()).orElse(null);
      if (byline != null) {
        cursor = afterTitle + 1;
      }
    }
    if (byline == null) {
      warnings.add("No byline (By Name | Date | Categories) after the title: author, date and tags are empty.");
      byline = new Byline(null, null, List.of(), List.of());
    }
    if (!byline.ignoredCategories().isEmpty()) {
      warnings.add("Ignored placeholder categories: " + String.join(", ", byline.ignoredCategories()) + ".");
    }

    List<String> body = new ArrayList<>(lines.subList(cursor, lines.size()));
    List<String> dropped = dropTrailingBoilerplate(body);

    BodyWriter writer = new BodyWriter(markdown, warnings);
    writer.write(body);
    String markdownBody = writer.markdown();
    if (markdownBody.isBlank()) {
      throw new InvalidDocumentException("There is no text after the title.");
    }
    ImportReport report =
        new ImportReport(
            title,
            Slugs.fromTitle(title),
            byline.author(),
            byline.date(),
            byline.tags(),
            List.copyOf(writer.headings),
            writer.paragraphs,
            writer.bulletItems,
            writer.numberedItems,
            writer.faq.size(),
            dropped.stream().map(BlogPostImporter::shorten).toList(),
            List.copyOf(warnings));
    return new ImportedPost(title, byline.author(), byline.date(), byline.tags(), markdownBody, List.copyOf(writer.faq), report);
  }

  private static String normalise(String document) {
    String text = document.startsWith("\uFEFF") ? document.substring(1) : document;
    return text.replace("\r\n", "\n").replace('\r', '\n').replace("\t", "    ").replace('\u00A0', ' ').replace("\u200B", "");
  }

  private static int skipBlank(List<String> lines, int from) {
    int index = from;
    while (index < lines.size() && lines.get(index).isBlank()) {
      index++;
    }
    return index;
  }

  private static String cleanTitle(String line, boolean markdown) {
    String title = line.strip();
    if (markdown) {
      Matcher heading = MARKDOWN_HEADING.matcher(title);
      if (heading.matches()) {
        title = heading.group(2);
      }
      title = title.replaceAll("^(\\*\\*|__)(.+)\\1$", "$2");
    }
    return title.strip();
  }

  // ---- byline ----------------------------------------------------------------------------

  record Byline(String author, LocalDate date, List<String> tags, List<String> ignoredCategories) {}

  /** {@code By Name | Nov 16, 2017 | Cat A, Cat B}, in any order, any part optional. */
  static Optional<Byline> parseByline(String rawLine) {
    // Markdown exports often set the byline in italics or bold
    String line = rawLine.strip().replaceAll("^[*_]+\\s*|\\s*[*_]+$", "");
    Matcher postedOnBy = POSTED_ON_BY.matcher(line);
    if (postedOnBy.matches()) {
      Optional<LocalDate> date = parseDate(postedOnBy.group(1));
      if (date.isPresent()) {
        return Optional.of(new Byline(postedOnBy.group(2).strip(), date.get(), List.of(), List.of()));
      }
    }
    Optional<LocalDate> dateOnly = parseDate(line);
    if (dateOnly.isPresent()) {
      return Optional.of(new Byline(null, dateOnly.get(), List.of(), List.of()));
    }
    boolean separated = line.contains("|") || line.contains(" · ") || line.contains(" • ");
    if (!separated && !BY.matcher(line).matches()) {
      return Optional.empty();
    }
    String author = null;
    LocalDate date = null;
    List<String> categories = new ArrayList<>();
    for (String rawPart : line.split("\\s*(?:\\||\\s·\\s|\\s•\\s)\\s*")) {
      String part = rawPart.strip();
      if (part.isEmpty()) {
        continue;
      }
      Matcher by = BY.matcher(part);
      Optional<LocalDate> asDate = parseDate(part);
      Matcher listed = CATEGORIES.matcher(part);
      if (author == null && by.matches()) {
        author = by.group(1).strip();
        if (by.group(2) != null) {
          date = parseDate(by.group(2)).orElse(date);
        }
      } else if (date == null && asDate.isPresent()) {
        date = asDate.get();
      } else if (listed.matches()) {
        categories.addAll(List.of((listed.group(1) != null ? listed.group(1) : listed.group(2)).split("\\s*,\\s*")));
      } else if (separated) {
        categories.addAll(List.of(part.split("\\s*,\\s*")));
      }
    }
    if (author == null && date == null) {
      return Optional.empty(); // a title-like line with a pipe in it, not a byline
    }
    Set<String> tags = new LinkedHashSet<>();
    List<String> ignored = new ArrayList<>();
    for (String category : categories) {
      String tag = Slugs.tag(category);
      if (DEFAULT_CATEGORIES.contains(tag)) {
        ignored.add(category.strip());
      } else if (Slugs.isValidTag(tag)) {
        tags.add(tag);
      }
    }
    return Optional.of(new Byline(author, date, List.copyOf(tags), ignored));
  }

  static Optional<LocalDate> parseDate(String text) {
    String candidate = ORDINAL.matcher(text.strip().replace(".", "")).replaceAll("$1").replaceAll("(?i)\\bsept\\b", "Sep");
    for (DateTimeFormatter format : DATE_FORMATS) {
      try {
        return Optional.of(LocalDate.parse(candidate, format));
      } catch (DateTimeParseException e) {
        // try the next format
      }
    }
    return Optional.empty();
  }

  // ---- trailing boilerplate --------------------------------------------------------------

  /** Removes the trailing furniture from {@code body} and returns the non-blank lines removed. */
  static List<String> dropTrailingBoilerplate(List<String> body) {
    int end = body.size();
    int firstContent = skipBlank(body, 0);
    for (int i = firstContent; i < body.size(); i++) {
      if (matchesAny(BOILERPLATE_SECTION, body.get(i))) {
        end = i;
        break;
      }
    }
    while (end > firstContent + 1 && (body.get(end - 1).isBlank() || matchesAny(BOILERPLATE_LINE, body.get(end - 1)))) {
      end--;
    }
    List<String> dropped = body.subList(end, body.size()).stream().filter(line -> !line.isBlank()).map(String::strip).toList();
    body.subList(end, body.size()).clear();
    return dropped;
  }

  private static boolean matchesAny(List<Pattern> patterns, String line) {
    String text = line.strip();
    return !text.isEmpty() && patterns.stream().anyMatch(p -> p.matcher(text).matches());
  }

  private static List<Pattern> patterns(String... regexes) {
    return Arrays.stream(regexes).map(r -> Pattern.compile(r, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).toList();
  }

  private static String shorten(String line) {
    return line.length() <= MAX_REPORTED_LINE ? line : line.substring(0, MAX_REPORTED_LINE - 1) + "…";
  }

  // ---- body ------------------------------------------------------------------------------

  /** Walks the body line by line and writes Markdown blocks. */
  private static final class BodyWriter {

    private final boolean markdown;
    private final List<String> warnings;
    private final List<String> blocks = new ArrayList<>();
    private final List<String> paragraph = new ArrayList<>();
    private final List<String> listItems = new ArrayList<>();
    private boolean listOrdered;
    private boolean paragraphStartsBlock = true;
    final List<String> headings = new ArrayList<>();
    final List<FaqEntry> faq = new ArrayList<>();
    int paragraphs;
    int bulletItems;
    int numberedItems;

    BodyWriter(boolean markdown, List<String> warnings) {
      this.markdown = markdown;
      this.warnings = warnings;
    }

    void write(List<String> lines) {
      boolean previousBlank = true;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        String text = line.strip();
        if (text.isEmpty()) {
          flushParagraph(true);
          previousBlank = true;
          continue;
        }
        if (markdown && FENCE.matcher(line).matches()) {
          i = copyFence(lines, i);
          previousBlank = false;
          continue;
        }
        Matcher question = QUESTION.matcher(text);
        if (question.matches()) {
          i = readFaq(lines, i, question.group(1).strip());
          previousBlank = false;
          continue;
        }
        Matcher heading = MARKDOWN_HEADING.matcher(text);
        if (markdown && heading.matches()) {
          flushAll();
          addHeading(heading.group(2), Math.max(2, heading.group(1).length()));
          previousBlank = false;
          continue;
        }
        if (SEPARATOR.matcher(text).matches()) {
          flushAll();
          blocks.add("---");
          previousBlank = false;
          continue;
        }
        Matcher bullet = BULLET.matcher(line);
        Matcher numbered = NUMBERED.matcher(line);
        if (bullet.matches()) {
          addItem(false, bullet.group(1).strip(), null);
          bulletItems++;
        } else if (numbered.matches()) {
          addItem(true, numbered.group(2).strip(), numbered.group(1));
          numberedItems++;
        } else if (!listItems.isEmpty() && !previousBlank && isContinuation(line)) {
          int last = listItems.size() - 1;
          listItems.set(last, listItems.get(last) + " " + inline(text));
        } else {
          flushList();
          if (paragraph.isEmpty()) {
            paragraphStartsBlock = previousBlank || blocks.isEmpty();
          }
          paragraph.add(inline(text));
        }
        previousBlank = false;
      }
      flushParagraph(false);
      flushList();
    }

    String markdown() {
      return String.join("\n\n", blocks).strip() + "\n";
    }

    /** A Q: line, an optional A: (maybe after a blank line), the answer until the next blank line. */
    private int readFaq(List<String> lines, int index, String questionText) {
      flushAll();
      String question = questionText;
      String answerStart = null;
      Matcher inline = INLINE_ANSWER.matcher(questionText);
      if (inline.find()) {
        question = questionText.substring(0, inline.start()).strip();
        answerStart = questionText.substring(inline.end()).strip();
      }
      int i = index + 1;
      if (answerStart == null) {
        int next = skipBlank(lines, i);
        Matcher answer = next < lines.size() ? ANSWER.matcher(lines.get(next).strip()) : null;
        if (answer == null || !answer.matches()) {
          warnings.add("A question without an answer was kept as text: " + shorten(question));
          paragraph.add(inline(lines.get(index).strip()));
          flushParagraph(false);
          return index;
        }
        answerStart = answer.group(1).strip();
        i = next + 1;
      }
      List<String> answer = new ArrayList<>();
      if (!answerStart.isEmpty()) {
        answer.add(answerStart);
      }
      while (i < lines.size() && !lines.get(i).isBlank() && !QUESTION.matcher(lines.get(i).strip()).matches()) {
        answer.add(lines.get(i).strip());
        i++;
      }
      String answerText = String.join(" ", answer).strip();
      if (question.isEmpty() || answerText.isEmpty()) {
        warnings.add("An incomplete Q:/A: pair was kept as text.");
      } else {
        faq.add(new FaqEntry(plain(question), plain(answerText)));
      }
      blocks.add("**" + inline(question) + "**");
      if (!answerText.isEmpty()) {
        blocks.add(answer.stream().map(this::inline).reduce((a, b) -> a + "\n" + b).orElse(""));
      }
      return i - 1;
    }

    private int copyFence(List<String> lines, int start) {
      flushAll();
      String fence = FENCE.matcher(lines.get(start)).replaceFirst("$1");
      List<String> code = new ArrayList<>(List.of(lines.get(start).strip()));
      int i = start + 1;
      while (i < lines.size() && !lines.get(i).strip().startsWith(fence)) {
        code.add(lines.get(i));
        i++;
      }
      code.add(fence);
      blocks.add(String.join("\n", code));
      return i;
    }

    private void addItem(boolean ordered, String text, String number) {
      flushParagraph(true);
      if (!listItems.isEmpty() && listOrdered != ordered) {
        flushList();
      }
      listOrdered = ordered;
      listItems.add((ordered ? (listItems.isEmpty() ? number : "1") + ". " : "- ") + inline(text));
    }

    private static boolean isContinuation(String line) {
      return Character.isWhitespace(line.charAt(0)) || Character.isLowerCase(line.strip().charAt(0));
    }

    /**
     * A single line that stood alone after a blank line (or at the start) and is followed by a
     * blank line or a list becomes a heading when it looks like one.
     */
    private void flushParagraph(boolean followedByBreak) {
      if (paragraph.isEmpty()) {
        return;
      }
      if (paragraph.size() == 1 && paragraphStartsBlock && followedByBreak && looksLikeHeading(paragraph.getFirst())) {
        addHeading(paragraph.getFirst(), 2);
      } else {
        blocks.add(String.join("\n", paragraph));
        paragraphs++;
      }
      paragraph.clear();
    }

    private void flushList() {
      if (listItems.isEmpty()) {
        return;
      }
      blocks.add(String.join("\n", listItems));
      listItems.clear();
    }

    private void flushAll() {
      flushParagraph(false);
      flushList();
    }

    private void addHeading(String text, int level) {
      blocks.add("#".repeat(level) + " " + text.strip());
      headings.add(plain(text.strip()));
    }

    private boolean looksLikeHeading(String markdownLine) {
      String text = plain(markdownLine);
      if (text.length() < 3 || text.length() > MAX_HEADING_LENGTH || text.split("\\s+").length > MAX_HEADING_WORDS) {
        return false;
      }
      char first = text.charAt(0);
      char last = text.charAt(text.length() - 1);
      boolean startsLikeTitle = Character.isUpperCase(first) || Character.isDigit(first) || (Character.isLetter(first) && !Character.isLowerCase(first));
      boolean endsLikeSentence = ".,;:!…)\"”’".indexOf(last) >= 0;
      return startsLikeTitle && !endsLikeSentence && !PHONE_URL_OR_EMAIL.matcher(text).find();
    }

    /** Markdown keeps its inline syntax; plain text is escaped so it renders as written. */
    private String inline(String text) {
      return markdown ? text : MARKDOWN_SPECIAL.matcher(text).replaceAll("\\\\$1");
    }

    /** Text without our own escapes or Markdown emphasis markers, for FAQ entries and the report. */
    private String plain(String text) {
      String unescaped = text.replaceAll("\\\\([\\\\`*_\\[\\]<>&])", "$1");
      return markdown ? unescaped.replaceAll("(\\*\\*|__)(.+?)\\1", "$2") : unescaped;
    }
  }
}
