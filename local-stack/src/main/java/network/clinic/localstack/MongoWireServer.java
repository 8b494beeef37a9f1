package network.clinic.localstack;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * A MongoDB-wire server (mongo-java-server) whose data is an H2 MVStore file under the data folder,
 * so bookings and articles survive a restart of the stack. Services reach it with the real
 * MongoDB driver over TCP, exactly as they would reach MongoDB. Its indexes answer more queries
 * than the library's alone, as MongoDB's do ({@link IndexedH2Backend}).
 */
public final class MongoWireServer implements AutoCloseable {

  /**
   * H2's page cache (its default is 16 MB). With 100,000 appointments the unique claims index and
   * the documents no longer fit in 16 MB, and every lookup re-reads and deserializes pages from the
   * file: a 1,000-cell availability query took 14.6 ms with 6,000 stored and 18.8 ms with 100,000;
   * with 256 MB, 12.5 and 11.5 ms. Only what is read is cached, so a small database stays small.
   */
  static final int CACHE_MB = 256;

  private final Path dataFile;
  private final int port;
  private MongoServer server;

  MongoWireServer(Path dataFile, int port) {
    this.dataFile = dataFile;
    this.port = port;
  }

  /** Starts serving; after {@link #close()} it can be started again on the same file. */
  public synchronized void start() {
    try {
      Files.createDirectories(dataFile.getParent());
      MVStore store = new MVStore.Builder().fileName(dataFile.toString()).cacheSize(CACHE_MB).open();
      server = new MongoServer(new IndexedH2Backend(store));
      server.bind("127.0.0.1", port);
    } catch (IOException | RuntimeException e) {
      throw new StackStartException("MongoDB-wire server did not start: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.shutdown();
      server = null;
    }
  }
}
