package network.clinic.content.article;

/** One question and its answer, both plain text (websites can emit them as FAQPage data). */
public record FaqEntry(String question, String answer) {}
