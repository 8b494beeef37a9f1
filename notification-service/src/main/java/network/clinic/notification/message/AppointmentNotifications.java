package network.clinic.notification.message;

import java.util.List;

/** The messages of one appointment, oldest first. */
record AppointmentNotifications(
    String appointmentId, String clinicId, List<NotificationView> notifications) {}
