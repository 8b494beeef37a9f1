package network.clinic.booking.treatment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A treatment as the API shows it.
 *
 * @param price in the clinic's currency when listed for a clinic; null if none is set for it
 * @param prices every price, when listed network-wide
 */
public record TreatmentView(
    String id,
    String name,
    String description,
    int durationMinutes,
    int bufferMinutes,
    Price price,
    List<Price> prices) {

  public record Price(String currency, BigDecimal amount) {

    static Price of(String currency, int minorUnits) {
      return new Price(currency, BigDecimal.valueOf(minorUnits, 2));
    }
  }

  /** For one clinic: its currency's price only. */
  public static TreatmentView forCurrency(Treatment treatment, String currency) {
    Integer minor = treatment.pricesInMinorUnits().get(currency);
    return new TreatmentView(treatment.id(), treatment.name(), treatment.description(),
        treatment.durationMinutes(), treatment.bufferMinutes(),
        minor == null ? null : Price.of(currency, minor), null);
  }

  static TreatmentView networkWide(Treatment treatment) {
    List<Price> prices = new TreeMap<>(treatment.pricesInMinorUnits()).entrySet().stream()
        .map((Map.Entry<String, Integer> e) -> Price.of(e.getKey(), e.getValue()))
        .toList();
    return new TreatmentView(treatment.id(), treatment.name(), treatment.description(),
        treatment.durationMinutes(), treatment.bufferMinutes(), null, prices);
  }
}
