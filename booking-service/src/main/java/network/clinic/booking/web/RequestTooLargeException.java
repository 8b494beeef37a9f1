package network.clinic.booking.web;

import java.io.IOException;

/** A request body grew past the limit while being read (no or a false Content-Length). */
class RequestTooLargeException extends IOException {

  RequestTooLargeException() {
    super("Request body exceeds the limit");
  }
}
