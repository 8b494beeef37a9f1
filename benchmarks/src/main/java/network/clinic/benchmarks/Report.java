package network.clinic.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run's results as a Markdown table, a JSON file and an SVG bar chart (no chart library). */
final class Report {

  record Floor(String what, String actual, String floor, boolean met) {}

  record Footprint(String service, double readySeconds, double jvmStartedSeconds, long rssMb) {}

  private Report() {}

  static String markdown(List<Measurement> rows, List<Footprint> footprints, List<Floor> floors, Map<String, Object> context) {
    StringBuilder md = new StringBuilder();
    md.append("| Section | Measurement | Conc. | Count | Per s | p50 ms | p95 ms | p99 ms | Max ms | Errors |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Measurement m : rows) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %d |%n",
          m.section(), m.name(), m.concurrency() == 0 ? "open" : String.valueOf(m.concurrency()), m.count(), m.perSecond(),
          m.p50Ms(), m.p95Ms(), m.p99Ms(), m.maxMs(), m.errors()));
    }
    md.append("\n| Service | Restarted alone: ready after (s) | Restarted alone: JVM start → started (s) | RSS after run (MB) |\n|---|---:|---:|---:|\n");
    for (Footprint f : footprints) {
      md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %d |%n", f.service(), f.readySeconds(), f.jvmStartedSeconds(), f.rssMb()));
    }
    md.append("\n| Floor | Actual | Floor | Met |\n|---|---:|---:|:---:|\n");
    for (Floor f : floors) {
      md.append("| ").append(f.what()).append(" | ").append(f.actual()).append(" | ").append(f.floor()).append(" | ")
          .append(f.met() ? "yes" : "**no**").append(" |\n");
    }
    md.append("\n");
    context.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
    return md.toString();
  }

  static void json(Path file, List<Measurement> rows, List<Footprint> footprints, List<Floor> floors, Map<String, Object> context)
      throws IOException {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("context", context);
    all.put("measurements", rows);
    all.put("footprint", footprints);
    all.put("floors", floors);
    Files.createDirectories(file.getParent());
    Files.writeString(file, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all));
  }

  /** Horizontal bars of throughput for every closed-loop HTTP run (log-free, linear scale). */
  static void svg(Path file, List<Measurement> rows, String title) throws IOException {
    List<Measurement> bars = rows.stream().filter(m -> m.concurrency() > 0).toList();
    double max = bars.stream().mapToDouble(Measurement::perSecond).max().orElse(1);
    int rowHeight = 22;
    int labelWidth = 430;
    int barWidth = 420;
    int height = 50 + bars.size() * rowHeight;
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
        labelWidth + barWidth + 90, height));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(String.format("<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n", escape(title)));
    for (int i = 0; i < bars.size(); i++) {
      Measurement m = bars.get(i);
      int y = 35 + i * rowHeight;
      int width = (int) Math.max(1, m.perSecond() / max * barWidth);
      String colour = switch (m.section()) {
        case "booking" -> "#4e79a7";
        case "content" -> "#59a14f";
        default -> "#f28e2b";
      };
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s (c=%d)</text>%n",
          labelWidth - 6, y + 14, escape(m.section() + ": " + m.name()), m.concurrency()));
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
          labelWidth, y + 2, width, rowHeight - 6, colour));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%.0f/s</text>%n", labelWidth + width + 4, y + 14, m.perSecond()));
    }
    svg.append("</svg>\n");
    Files.createDirectories(file.getParent());
    Files.writeString(file, svg);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
