package network.clinic.booking.clinic;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.util.List;

/**
 * What a network admin sends to create or change a clinic. Numbers are boxed so that one left out
 * is refused as a missing field (422 naming it) rather than as an unreadable body.
 */
record ClinicRequest(
    @NotBlank @Size(max = 120) String name,
    @NotBlank @Size(max = 300) String address,
    @NotBlank @Size(max = 40) String phone,
    @NotBlank @Email @Size(max = 254) String email,
    @NotBlank @Size(max = 64) String zoneId,
    @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as GBP") String currency,
    @NotEmpty @Size(max = 21) List<@Valid @NotNull Hours> openingHours,
    @NotNull @Min(5) @Max(120) Integer slotMinutes,
    @NotNull @Min(0) @Max(10080) Integer minimumNoticeMinutes,
    @NotNull @Min(1) @Max(730) Integer horizonDays,
    @NotNull @Min(0) @Max(336) Integer cancellationCutoffHours,
    @Min(0) @Max(336)
    @Schema(description = "Hours before the start the patient is reminded; 0 sends no reminder. Omitted: 24.",
        defaultValue = "24")
    Integer reminderLeadHours) {

  /** A reminder the day before, unless the clinic says otherwise. */
  static final int DEFAULT_REMINDER_LEAD_HOURS = 24;

  ClinicRequest {
    // Omitted must not read as 0, which turns reminders off.
    if (reminderLeadHours == null) {
      reminderLeadHours = DEFAULT_REMINDER_LEAD_HOURS;
    }
  }

  static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";

  record Hours(
      @NotNull DayOfWeek day,
      @NotNull @Pattern(regexp = TIME, message = "must be HH:mm") String opens,
      @NotNull @Pattern(regexp = TIME, message = "must be HH:mm") String closes) {}
}
