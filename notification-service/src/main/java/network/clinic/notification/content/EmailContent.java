package network.clinic.notification.content;

/** A rendered email: one subject line and the same text as plain text and HTML. */
public record EmailContent(String subject, String text, String html) {}
