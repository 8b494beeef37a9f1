package network.clinic.content.importing;

import network.clinic.content.web.ApiProblem;
import network.clinic.content.web.ProblemTypes;
import org.springframework.http.HttpStatus;

/** A document the importer cannot make an article of (empty, no body, title too long, not text). */
class InvalidDocumentException extends ApiProblem {

  InvalidDocumentException(String detail) {
    super(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_DOCUMENT, "Invalid document", detail);
  }
}
