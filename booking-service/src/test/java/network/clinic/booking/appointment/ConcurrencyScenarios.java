package network.clinic.booking.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
 * split across both, released together. MongoDB's unique index on claims must let exactly one win.
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
  void ofManyReschedulesIntoOneSlotOnTwoInstancesExactlyOneSucceedsAndTheOthersAreUntouched() throws Exception {
    int appointments = 30;
    List<String> ids = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    for (int day = 0; day < appointments; day++) {
      Api.Response booked = book(clinic, practitioner, treatment, local(clinic, 20 + day, "09:00"));
      assertThat(booked.status()).isEqualTo(201);
      ids.add(booked.json().path("id").asString());
      tokens.add(booked.json().path("manageToken").asString());
    }
    OffsetDateTime target = local(clinic, 60, "14:00");

    try (BookingInstance second = BookingInstance.start(mongoUri(), kafkaBootstrapServers())) {
      List<Api> instances = List.of(api, second.api());
      List<Api.Response> responses = race(appointments, i -> instances.get(i % 2)
          .post("/api/v1/appointments/" + ids.get(i) + "/reschedule", Map.of("start", target.toString()))
          .token(tokens.get(i))
          .send());

      assertOneWinner(responses, 200);
    }
    List<Document> moved = mongo.getCollection(Outbox.COLLECTION)
        .find(Filters.and(Filters.in("_id", ids), Filters.eq("start", java.util.Date.from(target.toInstant()))))
        .into(new ArrayList<>());
    assertThat(moved).hasSize(1);
    for (int i = 0; i < appointments; i++) {
      Document appointment = appointmentDocument(ids.get(i));
      if (!appointment.getString("_id").equals(moved.getFirst().getString("_id"))) {
        assertThat(appointment.getLong("sequence")).isEqualTo(1);
        assertThat(appointment.getDate("start").toInstant()).isEqualTo(local(clinic, 20 + i, "09:00").toInstant());
      }
    }
  }

  private static void assertOneWinner(List<Api.Response> responses, int success) {
    Map<Integer, Long> byStatus = responses.stream().collect(Collectors.groupingBy(Api.Response::status, Collectors.counting()));
    assertThat(byStatus).containsOnlyKeys(success, 409).containsEntry(success, 1L);
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
