package network.clinic.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs wrk (Debian's package) against one loopback URL for a fixed time with a fixed number of
 * connections. wrk keeps each connection busy (closed loop), so its figures are the service's
 * capacity at that concurrency; the Lua scripts in benchmarks/wrk only build bodies and report.
 */
final class Wrk {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path scripts;
  private final Duration duration;

  Wrk(Path scripts, Duration duration) {
    this.scripts = scripts;
    this.duration = duration;
  }

  record Result(long requests, double perSecond, double p50Ms, double p95Ms, double p99Ms, double maxMs,
      long errors, long nextBase) {

    Measurement as(String section, String name, int concurrency) {
      return new Measurement(section, name, concurrency, requests, perSecond, p50Ms, p95Ms, p99Ms, maxMs, errors);
    }
  }

  Result get(String url, int connections, Map<String, String> headers) {
    return run(url, connections, "get.lua", headers, Map.of(), duration);
  }

  Result get(String url, int connections, Map<String, String> headers, Duration time) {
    return run(url, connections, "get.lua", headers, Map.of(), time);
  }

  /** GETs of {@code url + prefix + i} for i = 0 .. count - 1, in turn. */
  Result getInTurn(String url, String prefix, int count, int connections) {
    return run(url, connections, "in-turn.lua", Map.of(), Map.of("PATH_PREFIX", prefix, "PATH_COUNT", String.valueOf(count)), duration);
  }

  Result book(String baseUrl, int connections, Map<String, String> scriptEnvironment, Duration time) {
    return run(baseUrl, connections, "book.lua", Map.of(), scriptEnvironment, time);
  }

  private Result run(String url, int connections, String script, Map<String, String> headers,
      Map<String, String> scriptEnvironment, Duration time) {
    int threads = Math.min(connections, Math.max(1, Runtime.getRuntime().availableProcessors()));
    List<String> command = new ArrayList<>(List.of("wrk", "-t", String.valueOf(threads), "-c", String.valueOf(connections),
        "-d", time.toSeconds() + "s", "--timeout", "10s", "-s", scripts.resolve(script).toString()));
    headers.forEach((name, value) -> command.addAll(List.of("-H", name + ": " + value)));
    command.add(url);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("WRK_SCRIPTS", scripts.toString());
    builder.environment().put("WRK_THREAD_COUNT", String.valueOf(threads));
    builder.environment().putAll(scriptEnvironment);
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(time.toSeconds() + 60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("wrk did not finish: " + command);
      }
      return parse(output, time);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run wrk (apt-get install -y wrk): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Result parse(String output, Duration time) {
    long nextBase = -1;
    for (String line : output.split("\n")) {
      if (line.startsWith("WRK_NEXT_BASE ")) {
        nextBase = Long.parseLong(line.substring("WRK_NEXT_BASE ".length()).trim());
      }
      if (line.startsWith("WRK_RESULT ")) {
        @SuppressWarnings("unchecked")
        Map<String, Number> r = JSON.readValue(line.substring("WRK_RESULT ".length()), Map.class);
        long requests = r.get("requests").longValue();
        double seconds = r.get("durationMicros").doubleValue() / 1e6;
        return new Result(requests, requests / seconds, ms(r.get("p50")), ms(r.get("p95")), ms(r.get("p99")),
            ms(r.get("max")), r.get("non2xx3xx").longValue() + r.get("socketErrors").longValue(), nextBase);
      }
    }
    throw new IllegalStateException("wrk printed no result:\n" + output);
  }

  private static double ms(Number micros) {
    return micros.doubleValue() / 1000.0;
  }
}
