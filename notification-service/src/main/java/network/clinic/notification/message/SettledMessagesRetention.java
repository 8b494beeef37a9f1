package network.clinic.notification.message;

import java.time.Instant;
import network.clinic.notification.retention.ExpiredRecords;
import org.springframework.stereotype.Component;

/** Settled messages (sent, failed, cancelled, expired) go; pending ones, reminders too, stay. */
@Component
class SettledMessagesRetention implements ExpiredRecords {

  private final MessageStore store;

  SettledMessagesRetention(MessageStore store) {
    this.store = store;
  }

  @Override
  public String name() {
    return "messages";
  }

  @Override
  public long deleteFinishedBefore(Instant cutoff) {
    return store.deleteSettledBefore(cutoff);
  }
}
