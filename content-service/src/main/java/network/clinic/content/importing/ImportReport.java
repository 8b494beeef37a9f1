package network.clinic.content.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the importer recognised in a document, so staff can check the draft before publishing.
 *
 * @param droppedLines trailing blog boilerplate that was left out ("Leave a Reply", share
 *     prompts), each line at most 80 characters
 * @param warnings what looked wrong or was guessed (no byline, a question without an answer)
 */
public record ImportReport(
    String title,
    String slug,
    String author,
    LocalDate publishedOn,
    List<String> tags,
    List<String> headings,
    int paragraphs,
    int bulletItems,
    int numberedItems,
    int faqEntries,
    List<String> droppedLines,
    List<String> warnings) {

  ImportReport withWarning(String warning) {
    List<String> more = new ArrayList<>(warnings);
    more.add(warning);
    return new ImportReport(
        title, slug, author, publishedOn, tags, headings, paragraphs, bulletItems, numberedItems, faqEntries, droppedLines, List.copyOf(more));
  }
}
