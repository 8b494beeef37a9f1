package network.clinic.booking.outbox;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.min;
import static com.mongodb.client.model.Updates.push;

import java.util.Date;
import org.bson.conversions.Bson;

/**
 * The outbox as stored on each appointment document: the fields the relay reads and the one
 * update that adds an event. A domain write combines {@link #append} with its state change in a
 * single update of the appointment document, so the change and its event commit together.
 */
public final class Outbox {

  public static final String COLLECTION = "appointments";

  /** Array of unpublished events, oldest first, each an {@link OutboxEntry#toDocument()}. */
  public static final String ENTRIES = "outbox";

  /** Date: the oldest pending entry's occurredAt; present iff {@link #ENTRIES} is non-empty. */
  public static final String PENDING_SINCE = "outboxPendingSince";

  /** String: random id of the relay instance that claimed the document, if any. */
  public static final String LEASE_OWNER = "relayLeaseOwner";

  /** Date: when that claim ends and any instance may claim the document. */
  public static final String LEASE_UNTIL = "relayLeaseUntil";

  private Outbox() {}

  /**
   * {@code $push} the entry and {@code $min} the pending-since date. {@code $min} keeps an older
   * date already there, and sets it when the relay has just removed it, so no event is ever
   * invisible to the relay's poll.
   */
  public static Bson append(OutboxEntry entry) {
    return combine(
        push(ENTRIES, entry.toDocument()), min(PENDING_SINCE, Date.from(entry.occurredAt())));
  }
}
