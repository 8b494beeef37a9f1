package network.clinic.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.clinic.localstack.LocalStack;
import tools.jackson.databind.JsonNode;

/**
 * What a clinic website, a member of staff and a patient's mailbox do, in the vocabulary of the
 * tests: find free slots, book, read the mails one patient received.
 */
final class Clinics {

  record Slot(Instant start, String practitionerId) {}

  record Booked(String id, String email, String manageToken, Instant start, String practitionerId) {}

  /** One received mail: who it went to and which kind (from its stable Message-ID). */
  record Mail(String to, String kind, MimeMessage message) {}

  private static final Pattern KIND = Pattern.compile("\\.email\\.([a-z-]+)@");

  private final LocalStack stack;

  Clinics(LocalStack stack) {
    this.stack = stack;
  }

  String booking() {
    return "http://127.0.0.1:" + stack.settings().bookingPort();
  }

  String content() {
    return "http://127.0.0.1:" + stack.settings().contentPort();
  }

  String notification() {
    return "http://127.0.0.1:" + stack.settings().notificationPort();
  }

  String adminToken() {
    return stack.devTokens().get(0).token();
  }

  /** Staff token of one of the demo clinics. */
  String staffToken(String clinicId) {
    return stack.devTokens().stream()
        .filter(t -> t.description().endsWith(" " + clinicId))
        .findFirst()
        .orElseThrow()
        .token();
  }

  /** Free slots over the next days, starting tomorrow (UTC) so minimum notice never gets in the way. */
  List<Slot> freeSlots(String bookingBase, String clinicId, String treatmentId, int fromDaysAhead, int days) {
    LocalDate from = LocalDate.now(ZoneOffset.UTC).plusDays(fromDaysAhead);
    Http.Response response =
        Http.get(
            bookingBase + "/api/v1/clinics/" + clinicId + "/availability?treatmentId=" + treatmentId
                + "&from=" + from + "&to=" + from.plusDays(days - 1));
    assertThat(response.status()).as("availability %s", response).isEqualTo(200);
    List<Slot> slots = new ArrayList<>();
    for (JsonNode slot : response.json().path("slots")) {
      slots.add(new Slot(Instant.parse(slot.path("start").asString()), slot.path("practitionerId").asString()));
    }
    return slots;
  }

  List<Slot> freeSlots(String clinicId, String treatmentId, int fromDaysAhead, int days) {
    return freeSlots(booking(), clinicId, treatmentId, fromDaysAhead, days);
  }

  /** {@code count} slots no two of which a practitioner could have at once (3 h apart). */
  static List<Slot> apart(List<Slot> slots, int count) {
    Map<String, List<Instant>> taken = new TreeMap<>();
    List<Slot> chosen = new ArrayList<>();
    for (Slot slot : slots) {
      List<Instant> mine = taken.computeIfAbsent(slot.practitionerId(), p -> new ArrayList<>());
      boolean clear =
          mine.stream().allMatch(t -> Duration.between(t, slot.start()).abs().compareTo(Duration.ofHours(3)) >= 0);
      if (clear) {
        mine.add(slot.start());
        chosen.add(slot);
        if (chosen.size() == count) {
          return chosen;
        }
      }
    }
    throw new AssertionError("only " + chosen.size() + " separate free slots, wanted " + count);
  }

  /**
   * A free slot of {@code practitionerId} at least 3 h from each of theirs in {@code taken}: where
   * one of their appointments can be moved, since a move keeps the practitioner (another
   * practitioner's free slot may be outside this one's hours).
   */
  static Slot anotherOf(List<Slot> free, String practitionerId, List<Slot> taken) {
    return free.stream()
        .filter(slot -> slot.practitionerId().equals(practitionerId))
        .filter(slot -> taken.stream()
            .filter(t -> t.practitionerId().equals(practitionerId))
            .allMatch(t -> Duration.between(t.start(), slot.start()).abs().compareTo(Duration.ofHours(3)) >= 0))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no free slot of " + practitionerId + " clear of " + taken));
  }

  // example.com, not a made-up TLD: the event schema's email format checks the TLD (see the report).
  static String uniqueEmail(String purpose) {
    return purpose + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  static String bookingJson(String clinicId, String treatmentId, Slot slot, String email) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("clinicId", clinicId);
    body.put("treatmentId", treatmentId);
    body.put("practitionerId", slot.practitionerId());
    body.put("start", slot.start().toString());
    body.put("patient", Map.of("name", "Alex Example", "email", email, "consent", Map.of("email", true, "sms", false)));
    return Http.json(body);
  }

  Http.Response tryBook(String bookingBase, String clinicId, String treatmentId, Slot slot, String email) {
    return Http.post(bookingBase + "/api/v1/appointments", bookingJson(clinicId, treatmentId, slot, email));
  }

  Booked book(String clinicId, String treatmentId, Slot slot, String email) {
    Http.Response response = tryBook(booking(), clinicId, treatmentId, slot, email);
    assertThat(response.status()).as("booking %s", response).isEqualTo(201);
    JsonNode body = response.json();
    return new Booked(
        body.path("id").asString(), email, body.path("manageToken").asString(), slot.start(), slot.practitionerId());
  }

  Http.Response reschedule(Booked booked, Instant newStart) {
    return Http.post(
        booking() + "/api/v1/appointments/" + booked.id() + "/reschedule",
        Http.json(Map.of("start", newStart.toString())),
        "X-Manage-Token", booked.manageToken());
  }

  /** Every mail received so far, oldest first. */
  List<Mail> mails() {
    List<Mail> mails = new ArrayList<>();
    for (MimeMessage message : stack.mail().receivedMessages()) {
      try {
        String to = message.getAllRecipients() == null ? "" : message.getAllRecipients()[0].toString();
        Matcher kind = KIND.matcher(String.valueOf(message.getMessageID()));
        mails.add(new Mail(to, kind.find() ? kind.group(1) : "unknown", message));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return mails;
  }

  /** The kinds of mail one patient received, in order of arrival. */
  List<String> kindsTo(String email) {
    return mails().stream().filter(m -> m.to().contains(email)).map(Mail::kind).toList();
  }

  MongoClient mongo() {
    return MongoClients.create(stack.settings().mongoUri("admin"));
  }

  /** Documents per collection in every service database, to show that a refused request wrote nothing. */
  static Map<String, Long> documentCounts(MongoClient client) {
    Map<String, Long> counts = new TreeMap<>();
    for (String database : List.of("booking", "content", "notification")) {
      MongoDatabase db = client.getDatabase(database);
      for (String collection : db.listCollectionNames()) {
        counts.put(database + "." + collection, db.getCollection(collection).countDocuments());
      }
    }
    return counts;
  }
}
