package network.clinic.content.rendering;

/**
 * @param html sanitised HTML, safe to embed in a clinic website
 * @param text the words a reader sees, without markup (for search and reading time)
 * @param readingMinutes at least one
 */
public record RenderedMarkdown(String html, String text, int readingMinutes) {}
