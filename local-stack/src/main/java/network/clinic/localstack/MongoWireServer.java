package network.clinic.localstack;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB-wire server (mongo-java-server) whose data is an H2 MVStore file under the data folder,
 * so bookings and articles survive a restart of the stack. Services reach it with the real
 * MongoDB driver over TCP, exactly as they would reach MongoDB. Queries on {@code _id} plus other
 * conditions are answered from the {@code _id} index, as MongoDB does ({@link IndexedH2Backend}).
 */
public final class MongoWireServer implements AutoCloseable {

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
      server = new MongoServer(new IndexedH2Backend(dataFile.toString()));
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
