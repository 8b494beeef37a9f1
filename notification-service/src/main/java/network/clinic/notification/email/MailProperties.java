package network.clinic.notification.email;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The sender side of patient emails ({@code clinic.notification.mail.*}); the SMTP server itself
 * is Spring Boot's {@code spring.mail.*}.
 *
 * @param from the address mails come from (shown with the clinic's name) and the calendar
 *     organizer
 * @param messageIdDomain the right-hand side of the stable Message-ID each message gets
 */
@Validated
@ConfigurationProperties("clinic.notification.mail")
record MailProperties(
    @DefaultValue("no-reply@clinic.network") @NotBlank @Email String from,
    @DefaultValue("notification.clinic.network") @NotBlank String messageIdDomain) {}
