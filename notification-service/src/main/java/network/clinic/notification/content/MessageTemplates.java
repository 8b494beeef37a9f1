package network.clinic.notification.content;

import java.net.URI;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import network.clinic.events.AppointmentEvent;
import network.clinic.notification.message.MessageKind;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders messages from the Thymeleaf templates in {@code templates/mail} and {@code
 * templates/sms}: for each kind an HTML and a plain-text body, a subject line, and an SMS text.
 * HTML templates escape every value (names and reasons are free text); text templates insert
 * values as they are.
 */
@Component
public class MessageTemplates {

  private final TemplateEngine engine = new TemplateEngine();
  private final ContentProperties properties;
  private final AppointmentTimes times;

  MessageTemplates(ContentProperties properties) {
    this.properties = properties;
    this.times = new AppointmentTimes(properties.locale());
    engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setTemplateMode(mode);
    resolver.setResolvablePatterns(Set.of(pattern));
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    resolver.setCacheable(true);
    resolver.setOrder(order);
    return resolver;
  }

  public EmailContent email(MessageKind kind, AppointmentEvent event) {
    Context context = context(kind, event);
    String subject = engine.process("mail/" + kind.tag() + ".subject.txt", context);
    // One line, whatever the template or a clinic's name contains: no header tricks.
    subject = subject.replaceAll("\\s+", " ").strip();
    context.setVariable("subject", subject);
    return new EmailContent(
        subject,
        engine.process("mail/" + kind.tag() + ".txt", context),
        engine.process("mail/" + kind.tag() + ".html", context));
  }

  public String sms(MessageKind kind, AppointmentEvent event) {
    return engine.process("sms/" + kind.tag() + ".txt", context(kind, event))
        .replaceAll("\\s+", " ")
        .strip();
  }

  private Context context(MessageKind kind, AppointmentEvent event) {
    AppointmentEvent.Clinic clinic = event.clinic();
    ZoneId zone = ZoneId.of(clinic.zoneId());
    Map<String, Object> variables = new HashMap<>();
    variables.put("kind", kind.tag());
    variables.put("patientName", event.patient().name());
    variables.put("clinicName", clinic.name());
    variables.put("clinicAddress", clinic.address());
    variables.put("clinicPhone", clinic.phone());
    variables.put("cutoffHours", clinic.cancellationCutoffHours());
    variables.put("practitioner", event.practitioner().name());
    variables.put("treatment", event.treatment().name());
    variables.put("durationMinutes", event.treatment().durationMinutes());
    variables.put("when", times.full(event.time().start(), zone));
    variables.put("whenBrief", times.brief(event.time().start(), zone));
    variables.put("endsAt", times.clock(event.time().end(), zone));
    if (event.previousTime() != null) {
      variables.put("previousWhen", times.full(event.previousTime().start(), zone));
      variables.put("previousWhenBrief", times.brief(event.previousTime().start(), zone));
    }
    AppointmentEvent.Cancellation cancellation = event.cancellation();
    boolean byStaff = cancellation != null
        && cancellation.by() == AppointmentEvent.CancelledBy.STAFF;
    variables.put("cancelledByStaff", byStaff);
    // The reason is the clinic's explanation; a patient's own reason is not repeated to them.
    if (byStaff && cancellation.reason() != null && !cancellation.reason().isBlank()) {
      variables.put("reason", cancellation.reason().strip());
    }
    variables.put("manageUrl", webLink(event.manageUrl()));
    return new Context(properties.locale(), variables);
  }

  /** Only http(s) links become links: anything else (javascript:, data:) is left out. */
  private static String webLink(String url) {
    if (url == null) {
      return null;
    }
    try {
      String scheme = URI.create(url).getScheme();
      return "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme) ? url : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
