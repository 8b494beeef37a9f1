package network.clinic.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one), run from the
 * Maven Central jars in this JVM. Its log lives under the data folder, so topics and consumer
 * offsets survive a restart just as MongoDB's data does.
 */
public final class KafkaBroker implements AutoCloseable {

  // Fixed so a restarted stack finds its formatted log directory again.
  private static final String CLUSTER_ID = "clinicNetworkLocal0001";

  private final Path logDirectory;
  private final int port;
  private final int controllerPort;
  private KafkaRaftServer server;

  KafkaBroker(Path logDirectory, int port, int controllerPort) {
    this.logDirectory = logDirectory;
    this.port = port;
    this.controllerPort = controllerPort;
  }

  /** Starts the broker; after {@link #close()} it can be started again on the same log. */
  public synchronized void start() {
    try {
      Files.createDirectories(logDirectory);
      Path configFile = writeConfig();
      format(configFile);
      server = new KafkaRaftServer(KafkaConfig.fromProps(config()), Time.SYSTEM);
      server.startup();
    } catch (IOException | RuntimeException e) {
      throw new StackStartException("Kafka broker did not start: " + e.getMessage(), e);
    }
  }

  private Properties config() {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("log.dirs", logDirectory.toString());
    p.setProperty("num.partitions", "3");
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    p.setProperty("auto.create.topics.enable", "true");
    return p;
  }

  private Path writeConfig() throws IOException {
    Path file = logDirectory.resolveSibling("kafka-server.properties");
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      config().store(writer, "Written by the local stack on every start");
    }
    return file;
  }

  // Formatting is what `kafka-storage.sh format` does; --ignore-formatted makes it a no-op on restart.
  private void format(Path configFile) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exit;
    try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      exit =
          StorageTool.execute(
              new String[] {"format", "-t", CLUSTER_ID, "-c", configFile.toString(), "--ignore-formatted"},
              out);
    }
    if (exit != 0) {
      throw new StackStartException(
          "formatting the Kafka log directory failed: " + output.toString(StandardCharsets.UTF_8));
    }
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
    }
  }
}
