package network.clinic.notification.sms;

/** Phone numbers as logs may show them. */
final class PhoneNumbers {

  private PhoneNumbers() {}

  /** "+447700900123" becomes "+44********23": enough to tell two apart, not to call one. */
  static String mask(String number) {
    if (number == null || number.length() < 7) {
      return "***";
    }
    int keepStart = 3;
    int keepEnd = 2;
    return number.substring(0, keepStart)
        + "*".repeat(number.length() - keepStart - keepEnd)
        + number.substring(number.length() - keepEnd);
  }
}
