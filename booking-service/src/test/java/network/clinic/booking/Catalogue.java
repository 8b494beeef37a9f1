package network.clinic.booking;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import network.clinic.booking.clinic.Clinic;
import network.clinic.booking.clinic.OpeningHours;
import network.clinic.booking.practitioner.Practitioner;
import network.clinic.booking.practitioner.TimeOff;
import network.clinic.booking.practitioner.WorkingHours;
import network.clinic.booking.treatment.Treatment;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Test data builders for the catalogue, written straight to the database with fresh ids, so each
 * test has clinics and practitioners no other test books: {@code catalogue.aClinic().save()}.
 */
public final class Catalogue {

  private final MongoTemplate mongo;

  public Catalogue(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  private static String fresh(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public ClinicBuilder aClinic() {
    return new ClinicBuilder();
  }

  public TreatmentBuilder aTreatment() {
    return new TreatmentBuilder();
  }

  public PractitionerBuilder aPractitioner() {
    return new PractitionerBuilder();
  }

  /** London, open every day 08:00–20:00, 15-minute grid, 60 min notice, 400-day horizon, 24 h cutoff. */
  public final class ClinicBuilder {

    private String id = fresh("clinic");
    private String zoneId = "Europe/London";
    private List<OpeningHours> hours = everyDay("08:00", "20:00");
    private int slotMinutes = 15;
    private int noticeMinutes = 60;
    private int horizonDays = 400;
    private int cutoffHours = 24;

    public ClinicBuilder in(String zoneId) {
      this.zoneId = zoneId;
      return this;
    }

    public ClinicBuilder open(String opens, String closes) {
      this.hours = everyDay(opens, closes);
      return this;
    }

    public ClinicBuilder openingHours(List<OpeningHours> hours) {
      this.hours = hours;
      return this;
    }

    public ClinicBuilder slotMinutes(int minutes) {
      this.slotMinutes = minutes;
      return this;
    }

    public ClinicBuilder minimumNoticeMinutes(int minutes) {
      this.noticeMinutes = minutes;
      return this;
    }

    public ClinicBuilder horizonDays(int days) {
      this.horizonDays = days;
      return this;
    }

    public ClinicBuilder cancellationCutoffHours(int hours) {
      this.cutoffHours = hours;
      return this;
    }

    public Clinic save() {
      Clinic clinic = new Clinic(id, "Test Clinic " + id, "1 Test Street, London", "+44 20 7946 0999",
          id + "@clinic.example", zoneId, "GBP", hours, slotMinutes, noticeMinutes, horizonDays, cutoffHours, 24);
      mongo.save(clinic);
      return clinic;
    }

    private static List<OpeningHours> everyDay(String opens, String closes) {
      List<OpeningHours> hours = new ArrayList<>();
      for (DayOfWeek day : DayOfWeek.values()) {
        hours.add(new OpeningHours(day, opens, closes));
      }
      return hours;
    }
  }

  /** 60 minutes plus a 15-minute buffer. */
  public final class TreatmentBuilder {

    private final String id = fresh("treatment");
    private int duration = 60;
    private int buffer = 15;

    public TreatmentBuilder minutes(int duration, int buffer) {
      this.duration = duration;
      this.buffer = buffer;
      return this;
    }

    public Treatment save() {
      Treatment treatment = new Treatment(id, "Test treatment " + id, "For tests", duration, buffer,
          Map.of("GBP", 5000));
      mongo.save(treatment);
      return treatment;
    }
  }

  /** Works every day of each given clinic's opening hours unless told otherwise. */
  public final class PractitionerBuilder {

    private final String id = fresh("practitioner");
    private final List<String> treatments = new ArrayList<>();
    private final List<WorkingHours> hours = new ArrayList<>();
    private final List<TimeOff> timeOff = new ArrayList<>();

    public PractitionerBuilder offering(Treatment... treatments) {
      for (Treatment treatment : treatments) {
        this.treatments.add(treatment.id());
      }
      return this;
    }

    public PractitionerBuilder worksAt(Clinic clinic, String start, String end) {
      return worksAt(clinic, start, end, EnumSet.allOf(DayOfWeek.class));
    }

    public PractitionerBuilder worksAt(Clinic clinic, String start, String end, Set<DayOfWeek> days) {
      for (DayOfWeek day : days) {
        hours.add(new WorkingHours(clinic.id(), day, start, end));
      }
      return this;
    }

    public PractitionerBuilder away(Instant from, Instant to) {
      timeOff.add(new TimeOff(UUID.randomUUID().toString(), from, to, "Conference"));
      return this;
    }

    public Practitioner save() {
      Practitioner practitioner = new Practitioner(id, "Dr Test " + id, "L.Ac.", "Bio", List.of(), treatments,
          hours, timeOff, 0);
      mongo.save(practitioner);
      return practitioner;
    }
  }
}
