package network.clinic.content.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A domain error that answers with its own problem document. Details are written by the code
 * that throws, never copied from the request, so nothing a caller sent is echoed back.
 */
public class ApiProblem extends RuntimeException {

  private final HttpStatus status;
  private final URI type;
  private final String title;

  public ApiProblem(HttpStatus status, URI type, String title, String detail) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
  }

  public HttpStatus status() {
    return status;
  }

  ProblemDetail toProblemDetail() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
    problem.setType(type);
    problem.setTitle(title);
    return problem;
  }
}
