package network.clinic.notification.message;

/**
 * A message that may be claimable now: what a sender needs to pick its lane and to claim it. Only
 * a hint; the claim in the database decides whether it is still pending, due and free.
 */
record DueMessage(String id, String appointmentId, Channel channel) {

  static DueMessage of(Message message) {
    return new DueMessage(message.id(), message.appointmentId(), message.channel());
  }
}
