package network.clinic.support.mongo;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;

/** Tells a failure caused by MongoDB being unreachable from one caused by the request or data. */
public final class MongoOutages {

  private MongoOutages() {}

  /** Whether {@code failure}, or anything in its cause chain, says MongoDB could not be reached. */
  public static boolean isOutage(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof DataAccessResourceFailureException || t instanceof MongoTimeoutException || t instanceof MongoSocketException) {
        return true;
      }
    }
    return false;
  }
}
