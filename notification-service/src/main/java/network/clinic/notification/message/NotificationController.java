package network.clinic.notification.message;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import network.clinic.notification.OpenApiConfiguration;
import network.clinic.support.security.StaffAccess;
import network.clinic.support.security.StaffOnly;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What was sent to a patient about an appointment, for the clinic's staff: status only. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "notifications", description = "Messages sent to patients about their appointments")
class NotificationController {

  private final MessageStore store;
  private final StaffAccess staffAccess;

  NotificationController(MessageStore store, StaffAccess staffAccess) {
    this.store = store;
    this.staffAccess = staffAccess;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  @StaffOnly
  @Operation(
      summary = "The messages of an appointment",
      description = "Each message's channel, type, status, attempts and times, oldest first;"
          + " never its content. Clinic staff see their own clinic's appointments only: another"
          + " clinic's appointment is 404, like one with no messages.",
      security = @SecurityRequirement(name = OpenApiConfiguration.STAFF_TOKEN),
      responses = {
        @ApiResponse(responseCode = "200", description = "The appointment's messages"),
        @ApiResponse(responseCode = "400", description = "appointmentId missing or too long",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class))),
        @ApiResponse(responseCode = "401", description = "No valid staff token",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class))),
        @ApiResponse(responseCode = "404",
            description = "No messages for this appointment, or the appointment is another clinic's",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class)))
      })
  AppointmentNotifications notifications(
      @RequestParam
      @NotBlank
      @Size(max = 128)
      @Parameter(description = "The appointment's id, as in booking-service")
      String appointmentId) {
    List<Message> messages = store.forAppointment(appointmentId);
    // The clinic comes from the event the messages were recorded from. Another clinic's
    // appointment answers exactly like an unknown one, so staff cannot probe which ids exist.
    if (messages.isEmpty()
        || !staffAccess.current().mayAccessClinic(messages.getFirst().clinicId())) {
      throw new NotificationsNotFoundException();
    }
    return new AppointmentNotifications(
        appointmentId,
        messages.getFirst().clinicId(),
        messages.stream().map(NotificationView::of).toList());
  }
}
