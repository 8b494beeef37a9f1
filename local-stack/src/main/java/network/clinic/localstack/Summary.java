package network.clinic.localstack;

import java.nio.file.Path;
import java.util.List;

/** The one block printed when everything is healthy: where to go and what to use. */
final class Summary {

  private Summary() {}

  static String render(
      StackSettings settings, List<ServiceProcess> services, List<DevTokens.DevToken> tokens, Path tokenFile, double seconds) {
    StringBuilder out = new StringBuilder();
    out.append("\n================ Clinic Network (local) ================\n");
    out.append("All services healthy after %.1f s.%n%n".formatted(seconds));
    for (ServiceProcess service : services) {
      String base = "http://localhost:" + service.port();
      out.append("%-22s %s   (pid %d)%n".formatted(service.name(), base, service.pid()));
      out.append("%-22s %s/swagger-ui.html%n".formatted("", base));
      out.append("%-22s %s/actuator/health  %s/actuator/prometheus%n".formatted("", base, base));
    }
    out.append("%n%-22s %s%n".formatted("Kafka", settings.kafkaBootstrapServers()));
    out.append("%-22s %s%n".formatted("MongoDB (wire)", "mongodb://localhost:" + settings.mongoPort()));
    out.append("%-22s %s%n".formatted("SMTP", "localhost:" + settings.smtpPort()));
    out.append("%-22s %s%n".formatted("Mail sent (viewer)", "http://localhost:" + settings.mailViewerPort()));
    out.append("%-22s %s%n".formatted("Data and logs", settings.dataDirectory()));
    out.append("\nStaff tokens (also in ").append(tokenFile).append("):\n");
    for (DevTokens.DevToken token : tokens) {
      out.append("  ").append(token.description()).append(":\n    ").append(token.token()).append('\n');
    }
    out.append("\nCtrl-C stops everything.\n");
    out.append("=========================================================");
    return out.toString();
  }
}
