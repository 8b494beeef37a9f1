package network.clinic.content.importing;

import java.time.LocalDate;
import java.util.List;
import network.clinic.content.article.FaqEntry;

/** A blog post taken apart: the article's parts, its Markdown body, and the report. */
record ImportedPost(
    String title,
    String author,
    LocalDate publishedOn,
    List<String> tags,
    String markdown,
    List<FaqEntry> faq,
    ImportReport report) {}
