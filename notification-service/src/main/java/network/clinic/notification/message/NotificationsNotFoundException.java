package network.clinic.notification.message;

/** No message was ever recorded for the appointment (or it is unknown here). */
class NotificationsNotFoundException extends RuntimeException {

  NotificationsNotFoundException() {
    super("No notifications for this appointment");
  }
}
