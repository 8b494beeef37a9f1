package network.clinic.content.article;

import java.util.List;

/** @param nextCursor pass as {@code cursor} for the next page; null on the last page */
record ArticlePage(List<ArticleSummary> items, String nextCursor) {}
