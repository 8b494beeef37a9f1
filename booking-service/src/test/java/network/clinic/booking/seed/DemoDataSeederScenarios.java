package network.clinic.booking.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import network.clinic.booking.clinic.Clinic;
import network.clinic.booking.practitioner.Practitioner;
import network.clinic.booking.treatment.Treatment;
import network.clinic.testing.Infrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Two instances starting together on an empty database seed the demo network once: on the
 * wire server here, and on MongoDB 8 where Docker runs, whose duplicate-key errors the seeder
 * must recognise just the same.
 */
abstract class DemoDataSeederScenarios {

  /** Where the database lives; each run takes a fresh one. */
  abstract Infrastructure infrastructure();

  @Test
  void twoInstancesSeedingAtOnceLeaveExactlyOneDemoNetwork() throws Exception {
    String database = "booking-seed-" + UUID.randomUUID();
    try (MongoClient client = MongoClients.create(infrastructure().mongoUri(database))) {
      MongoTemplate mongo = new MongoTemplate(client, database);
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<Void>> seeders = List.of(1, 2).stream()
          .map(i -> CompletableFuture.runAsync(() -> {
            await(start);
            new DemoDataSeeder(mongo).run(null);
          }))
          .toList();
      start.countDown();
      CompletableFuture.allOf(seeders.toArray(CompletableFuture[]::new)).get();
      new DemoDataSeeder(mongo).run(null);

      assertThat(mongo.count(new Query(), Clinic.class)).isEqualTo(3);
      assertThat(mongo.count(new Query(), Treatment.class)).isEqualTo(4);
      assertThat(mongo.count(new Query(), Practitioner.class)).isEqualTo(DemoNetwork.practitioners().size());
      assertThat(mongo.findById("toronto-annex", Clinic.class).zoneId()).isEqualTo("America/Toronto");
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
