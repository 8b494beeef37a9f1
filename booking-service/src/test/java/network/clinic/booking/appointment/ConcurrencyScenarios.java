package network.clinic.booking.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import network.clinic.booking.Api;
import network.clinic.booking.BookingInstance;
import network.clinic.booking.BookingIntegrationTest;
import network.clinic.booking.clinic.Clinic;
import network.clinic.booking.outbox.Outbox;
import network.clinic.booking.practitioner.Practitioner;
import network.clinic.booking.treatment.Treatment;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Invariant 1 with two running instances on one database: requests for overlapping times race,
 * split across both, released together: new bookings, reschedules, and both mixed. MongoDB's unique
 * index on claims must let exactly one win, and leave every loser's appointment as it was.
 */
abstract class ConcurrencyScenarios extends BookingIntegrationTest {

  static final int RACERS = 100;

  Clinic clinic;
  Treatment treatment;
  Practitioner practitioner;

  @BeforeEach
  void catalogue() {
    clinic = catalogue.aClinic().save();
    treatment = catalogue.aTreatment().minutes(60, 15).save();
    practitioner = catalogue.aPractitioner().offering(treatment).worksAt(clinic, "08:00", "20:00").save();
  }

  @Test
  void ofOneHundredOverlappingBookingsOnTwoInstancesExactlyOneSucceedsAndTheRestGetConflictProblems()
      throws Exception {
    try (BookingInstance second = BookingInstance.start(mongoUri(), kafkaBootstrapServers())) {
      List<Api> instances = List.of(api, second.api());
      // Starts 15 minutes apart, every pair overlapping (60 minutes + 15 buffer).
      List<String> starts = List.of("10:00", "10:15", "10:30", "10:45");

      List<Api.Response> responses = race(RACERS, i -> instances.get(i % 2)
          .post("/api/v1/appointments", bookingRequest(clinic, practitioner, treatment, local(clinic, 10, starts.get(i % 4))))
          .send());

      assertOneWinner(responses, 201);
      assertThat(mongo.getCollection(Outbox.COLLECTION).countDocuments(Filters.and(
          Filters.eq("practitionerId", practitioner.id()), Filters.eq("status", "BOOKED")))).isEqualTo(1);
    }
  }

  @Test
  void ofOneHundredReschedulesIntoOneSlotOnTwoInstancesExactlyOneSucceedsAndTheOthersAreUntouched()
      throws Exception {
    List<Booked> appointments = bookOnePerDay(RACERS, 20);
    Map<String, Document> before = settledDocuments(appointments);
    OffsetDateTime target = local(clinic, 150, "14:00");

    try (BookingInstance second = BookingInstance.start(mongoUri(), kafkaBootstrapServers())) {
      List<Api> instances = List.of(api, second.api());
      List<Api.Response> responses = race(RACERS, i -> reschedule(instances.get(i % 2), appointments.get(i), target));

      assertOneWinner(responses, 200);
    }
    List<Document> moved = atTarget(target);
    assertThat(moved).hasSize(1);
    assertThat(moved.getFirst().getLong("sequence")).isEqualTo(2);
    assertLosersUntouched(before, moved.getFirst().getString("_id"));
  }

  @Test
  void ofReschedulesAndNewBookingsRacingForOneSlotOnTwoInstancesExactlyOneWinsAndTheLosersAreUntouched()
      throws Exception {
    int reschedules = RACERS / 2;
    List<Booked> appointments = bookOnePerDay(reschedules, 20);
    Map<String, Document> before = settledDocuments(appointments);
    OffsetDateTime target = local(clinic, 150, "10:00");

    List<Api.Response> responses;
    try (BookingInstance second = BookingInstance.start(mongoUri(), kafkaBootstrapServers())) {
      List<Api> instances = List.of(api, second.api());
      // Alternating kinds, and each kind split across both instances.
      responses = race(RACERS, i -> {
        Api instance = instances.get((i / 2) % 2);
        return i % 2 == 0
            ? reschedule(instance, appointments.get(i / 2), target)
            : instance.post("/api/v1/appointments", bookingRequest(clinic, practitioner, treatment, target)).send();
      });
    }

    Map<Integer, Long> byStatus = responses.stream().collect(Collectors.groupingBy(Api.Response::status, Collectors.counting()));
    assertThat(byStatus.getOrDefault(200, 0L) + byStatus.getOrDefault(201, 0L)).isEqualTo(1);
    assertThat(byStatus.get(409)).isEqualTo(RACERS - 1L);
    assertConflictProblems(responses);
    List<Document> atTarget = atTarget(target);
    assertThat(atTarget).hasSize(1);
    String winner = atTarget.getFirst().getString("_id");
    boolean bookingWon = byStatus.containsKey(201);
    assertThat(before.containsKey(winner)).isEqualTo(!bookingWon);
    // A losing booking left nothing behind.
    assertThat(mongo.getCollection(Outbox.COLLECTION).countDocuments(Filters.eq("practitionerId", practitioner.id())))
        .isEqualTo(reschedules + (bookingWon ? 1 : 0));
    assertLosersUntouched(before, winner);
  }

  private record Booked(String id, String manageToken) {}

  /** One appointment a day at 09:00 from {@code firstDay}, booked through the API. */
  private List<Booked> bookOnePerDay(int count, int firstDay) {
    List<Booked> booked = new ArrayList<>();
    for (int day = firstDay; day < firstDay + count; day++) {
      Api.Response response = book(clinic, practitioner, treatment, local(clinic, day, "09:00"));
      assertThat(response.status()).isEqualTo(201);
      booked.add(new Booked(response.json().path("id").asString(), response.json().path("manageToken").asString()));
    }
    return booked;
  }

  /** The documents once the relay is done with them, so only a change by the race can alter them. */
  private Map<String, Document> settledDocuments(List<Booked> appointments) {
    Map<String, Document> documents = new LinkedHashMap<>();
    for (Booked appointment : appointments) {
      awaitPublished(appointment.id());
      documents.put(appointment.id(), appointmentDocument(appointment.id()));
    }
    return documents;
  }

  private static Api.Response reschedule(Api instance, Booked appointment, OffsetDateTime start) {
    return instance.post("/api/v1/appointments/" + appointment.id() + "/reschedule", Map.of("start", start.toString()))
        .token(appointment.manageToken())
        .send();
  }

  private List<Document> atTarget(OffsetDateTime start) {
    return mongo.getCollection(Outbox.COLLECTION)
        .find(Filters.and(Filters.eq("practitionerId", practitioner.id()), Filters.eq("start", Date.from(start.toInstant()))))
        .into(new ArrayList<>());
  }

  private void assertLosersUntouched(Map<String, Document> before, String winner) {
    before.forEach((id, document) -> {
      if (!id.equals(winner)) {
        assertThat(appointmentDocument(id)).isEqualTo(document);
      }
    });
  }

  private static void assertOneWinner(List<Api.Response> responses, int success) {
    Map<Integer, Long> byStatus = responses.stream().collect(Collectors.groupingBy(Api.Response::status, Collectors.counting()));
    assertThat(byStatus).containsOnlyKeys(success, 409).containsEntry(success, 1L);
    assertConflictProblems(responses);
  }

  private static void assertConflictProblems(List<Api.Response> responses) {
    assertThat(responses.stream().filter(r -> r.status() == 409)).allSatisfy(conflict -> {
      assertThat(conflict.header("Content-Type")).startsWith("application/problem+json");
      assertThat(conflict.problemType()).isEqualTo("slot-unavailable");
      assertThat(conflict.json().path("status").asInt()).isEqualTo(409);
    });
  }

  /** Runs the requests on virtual threads, all released by one latch. */
  private static List<Api.Response> race(int count, Function<Integer, Api.Response> request) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Api.Response>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(threads.submit(() -> {
          go.await();
          return request.apply(index);
        }));
      }
      go.countDown();
      List<Api.Response> responses = new ArrayList<>();
      for (Future<Api.Response> future : futures) {
        responses.add(future.get());
      }
      return responses;
    }
  }
}
