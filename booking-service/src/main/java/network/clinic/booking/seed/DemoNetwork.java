package network.clinic.booking.seed;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import network.clinic.booking.clinic.Clinic;
import network.clinic.booking.clinic.OpeningHours;
import network.clinic.booking.practitioner.Practitioner;
import network.clinic.booking.practitioner.WorkingHours;
import network.clinic.booking.treatment.Treatment;

/**
 * The demo network: three clinics (two in London, one in Toronto), their practitioners (one
 * shared by the London clinics on different weekdays) and four treatments. Fixed ids: the local
 * stack prints staff tokens for these clinics. People and places are fictional; phone numbers are
 * from ranges reserved for drama.
 */
final class DemoNetwork {

  static final String CAMDEN = "london-camden";
  static final String RICHMOND = "london-richmond";
  static final String TORONTO = "toronto-annex";

  static final String INITIAL = "initial-consultation";
  static final String FOLLOW_UP = "follow-up";
  static final String CUPPING = "cupping";
  static final String ELECTRO = "electro-acupuncture";

  private DemoNetwork() {}

  static List<Treatment> treatments() {
    return List.of(
        new Treatment(INITIAL, "Initial consultation and acupuncture",
            "Your first visit: a full assessment of your health history, pulse and tongue, and what you hope "
                + "to change, followed by your first acupuncture treatment. Needles usually stay in for 20 to 30 "
                + "minutes while you rest.",
            60, 15, Map.of("GBP", 7500, "CAD", 12000)),
        new Treatment(FOLLOW_UP, "Follow-up acupuncture",
            "A shorter check-in on how you have been since your last visit, then treatment adjusted to your "
                + "progress.",
            45, 10, Map.of("GBP", 6000, "CAD", 9500)),
        new Treatment(CUPPING, "Cupping",
            "Glass or silicone cups create gentle suction over tight muscles of the back and shoulders; often "
                + "combined with massage. May leave temporary circular marks.",
            30, 10, Map.of("GBP", 4500, "CAD", 7000)),
        new Treatment(ELECTRO, "Electro-acupuncture",
            "Acupuncture with a mild electrical pulse passed between pairs of needles, commonly used for "
                + "persistent pain. Not suitable with a pacemaker.",
            45, 15, Map.of("GBP", 6500, "CAD", 10500)));
  }

  static List<Clinic> clinics() {
    return List.of(
        new Clinic(CAMDEN, "Willowbank Acupuncture Camden", "27 Pratt Mews, London NW1 0AD",
            "+44 20 7946 0110", "camden@willowbank-acupuncture.example", "Europe/London", "GBP",
            concat(
                days("09:00", "19:00", MONDAY, TUESDAY, WEDNESDAY, THURSDAY),
                days("09:00", "17:00", FRIDAY),
                days("10:00", "14:00", SATURDAY)),
            15, 120, 60, 24, 24),
        new Clinic(RICHMOND, "Willowbank Acupuncture Richmond", "3 Ferry Lane, Richmond TW9 1ZZ",
            "+44 20 7946 0220", "richmond@willowbank-acupuncture.example", "Europe/London", "GBP",
            concat(
                // Closed for lunch: two ranges a day.
                days("08:00", "12:30", MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY),
                days("13:30", "18:00", MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY),
                days("09:00", "13:00", SATURDAY)),
            15, 120, 60, 24, 24),
        new Clinic(TORONTO, "Willowbank Acupuncture Toronto Annex", "410 Brunswick Ave, Toronto, ON M5R 2Z0",
            "+1 416 555 0142", "annex@willowbank-acupuncture.example", "America/Toronto", "CAD",
            concat(
                days("10:00", "20:00", MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY),
                days("10:00", "16:00", SATURDAY)),
            15, 180, 90, 48, 24));
  }

  static List<Practitioner> practitioners() {
    return List.of(
        // Shared by the two London clinics, on different weekdays.
        practitioner("imogen-hartley", "Imogen Hartley", "L.Ac., MBAcC",
            "Trained in Nanjing and London; sees many patients with migraine, insomnia and stress. Works in "
                + "Camden early in the week and in Richmond on Tuesdays and Thursdays.",
            List.of("Headache and migraine", "Sleep", "Stress"),
            List.of(INITIAL, FOLLOW_UP, CUPPING, ELECTRO),
            concat(
                hours(CAMDEN, "09:00", "17:00", MONDAY, WEDNESDAY),
                hours(RICHMOND, "10:00", "18:00", TUESDAY, THURSDAY))),
        practitioner("tomasz-wierzbicki", "Tomasz Wierzbicki", "MBAcC",
            "A former physiotherapist who now treats back, neck and sports injuries with acupuncture and "
                + "electro-acupuncture. Afternoons and early evenings.",
            List.of("Back and neck pain", "Sports injuries"),
            List.of(INITIAL, FOLLOW_UP, ELECTRO),
            hours(CAMDEN, "12:00", "19:00", MONDAY, TUESDAY, WEDNESDAY, THURSDAY)),
        practitioner("adaeze-okonkwo", "Adaeze Okonkwo", "BSc (Hons) Acupuncture, MBAcC",
            "Focuses on fertility support, pregnancy care and digestive complaints; also offers cupping.",
            List.of("Fertility and pregnancy", "Digestion"),
            List.of(INITIAL, FOLLOW_UP, CUPPING),
            concat(
                hours(CAMDEN, "09:00", "17:00", THURSDAY, FRIDAY),
                hours(CAMDEN, "10:00", "14:00", SATURDAY))),
        practitioner("rhys-calloway", "Rhys Calloway", "MBAcC",
            "Works with runners and rowers from the riverside clubs; cupping for tight shoulders a speciality.",
            List.of("Sports recovery", "Shoulder pain"),
            List.of(INITIAL, FOLLOW_UP, CUPPING),
            concat(
                hours(RICHMOND, "08:00", "16:00", MONDAY, WEDNESDAY, FRIDAY),
                hours(RICHMOND, "09:00", "13:00", SATURDAY))),
        practitioner("mei-lin-tsang", "Mei-Lin Tsang", "R.Ac.",
            "Registered acupuncturist in Ontario for twelve years; anxiety, menstrual health and chronic pain.",
            List.of("Anxiety", "Women's health", "Chronic pain"),
            List.of(INITIAL, FOLLOW_UP, CUPPING, ELECTRO),
            hours(TORONTO, "10:00", "18:00", MONDAY, TUESDAY, WEDNESDAY)),
        practitioner("daniel-aurelio", "Daniel Aurelio", "R.TCMP",
            "Traditional Chinese medicine practitioner; evening appointments for people who work days.",
            List.of("Allergies", "Fatigue"),
            List.of(INITIAL, FOLLOW_UP, CUPPING, ELECTRO),
            concat(
                hours(TORONTO, "12:00", "20:00", WEDNESDAY, THURSDAY, FRIDAY),
                hours(TORONTO, "10:00", "16:00", SATURDAY))),
        practitioner("priya-ramanathan", "Priya Ramanathan", "R.Ac.",
            "Gentle, low-needle-count treatments for people new to acupuncture and for older patients.",
            List.of("First-time patients", "Arthritis"),
            List.of(INITIAL, FOLLOW_UP),
            hours(TORONTO, "10:00", "16:00", MONDAY, THURSDAY, FRIDAY)));
  }

  private static Practitioner practitioner(String id, String name, String credentials, String bio,
      List<String> specialties, List<String> treatmentIds, List<WorkingHours> hours) {
    return new Practitioner(id, name, credentials, bio, specialties, treatmentIds, hours, List.of(), 0);
  }

  private static List<OpeningHours> days(String opens, String closes, DayOfWeek... days) {
    List<OpeningHours> hours = new ArrayList<>();
    for (DayOfWeek day : days) {
      hours.add(new OpeningHours(day, opens, closes));
    }
    return hours;
  }

  private static List<WorkingHours> hours(String clinicId, String start, String end, DayOfWeek... days) {
    List<WorkingHours> hours = new ArrayList<>();
    for (DayOfWeek day : days) {
      hours.add(new WorkingHours(clinicId, day, start, end));
    }
    return hours;
  }

  @SafeVarargs
  private static <T> List<T> concat(List<T>... lists) {
    List<T> all = new ArrayList<>();
    for (List<T> list : lists) {
      all.addAll(list);
    }
    return List.copyOf(all);
  }
}
