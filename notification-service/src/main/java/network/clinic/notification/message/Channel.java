package network.clinic.notification.message;

import java.util.Locale;

/** How a message reaches the patient. */
public enum Channel {
  EMAIL,
  SMS;

  /** The metric tag value. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
