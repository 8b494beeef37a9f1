package network.clinic.notification.message;

/**
 * No message was ever recorded for the appointment (or it is unknown here), or the caller's clinic
 * is not the appointment's: the two look the same from outside.
 */
class NotificationsNotFoundException extends RuntimeException {

  NotificationsNotFoundException() {
    super("No notifications for this appointment");
  }
}
