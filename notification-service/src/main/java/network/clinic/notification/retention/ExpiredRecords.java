package network.clinic.notification.retention;

import java.time.Instant;

/**
 * One kind of record the retention job cleans up. Each feature decides what of its own data is
 * safe to delete; the job only says when.
 */
public interface ExpiredRecords {

  /** The metric tag and log name, e.g. {@code messages}. */
  String name();

  /** Deletes the records finished before {@code cutoff}; returns how many were deleted. */
  long deleteFinishedBefore(Instant cutoff);
}
