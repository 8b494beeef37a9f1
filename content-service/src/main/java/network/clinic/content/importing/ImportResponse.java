package network.clinic.content.importing;

import network.clinic.content.article.StaffArticleResponse;

/** @param created false when the import updated the article its title already maps to */
record ImportResponse(StaffArticleResponse article, boolean created, ImportReport report) {}
