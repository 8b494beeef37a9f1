package network.clinic.support.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error page, for the few requests it refuses before any application code runs (an
 * encoded NUL or backslash in the path): a problem document like every other bad request, instead
 * of an HTML page naming the server. Errors the application handles never reach this valve with a
 * body to write; it only fills responses that are still empty.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  static final String TYPE = "https://clinic.network/problems/refused-by-server";

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        writer.write(ProblemBody.json(status, TYPE, title, "The server refused this request before handling it."));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client has gone or the response is committed: nothing more can be said.
    }
  }
}
