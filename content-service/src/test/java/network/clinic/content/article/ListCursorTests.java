package network.clinic.content.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import network.clinic.content.web.ApiProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ListCursorTests {

  @Test
  void cursorsRoundTripAndAreUrlSafe() {
    ListCursor chronological = new ListCursor.Chronological(Instant.parse("2026-02-01T10:15:30.123Z"), "acupuncture-for-back-pain");
    ListCursor relevance = new ListCursor.Relevance(3.14159f, "cupping", "AQID-_x");

    assertThat(ListCursor.decode(ListCursor.encode(chronological))).isEqualTo(chronological);
    assertThat(ListCursor.decode(ListCursor.encode(relevance))).isEqualTo(relevance);
    assertThat(ListCursor.encode(chronological)).matches("[A-Za-z0-9_-]+");
  }

  @ParameterizedTest
  @ValueSource(strings = {"%%%", "cA", "eHx5fHo", "cHxub3QtYS1udW1iZXJ8c2x1Zw", "cHwxMjN8Tm90IEEgU2x1Zw", "cnw3ZmMwMDAwMHxzbHVn", "cHwxMjN8c2x1Z3xleHRyYQ", "cnw0MDQ5MGZkMHxjdXBwaW5nfG5vdCBiYXNlNjQh", "cHwxMjN8c2x1Z3xBUUlE", "cnw0MDQ5MGZkMHxjdXBwaW5nfA"})
  void anythingElseIsAnInvalidCursor(String cursor) {
    assertThatThrownBy(() -> ListCursor.decode(cursor))
        .isInstanceOf(ApiProblem.class)
        .satisfies(e -> assertThat(((ApiProblem) e).status().value()).isEqualTo(400));
  }

  @Test
  void aRelevanceCursorFromBeforeRankingsWerePinnedStillDecodes() {
    String legacy = Base64.getUrlEncoder().withoutPadding().encodeToString("r|40490fd0|cupping".getBytes(StandardCharsets.UTF_8));

    assertThat(ListCursor.decode(legacy)).isEqualTo(new ListCursor.Relevance(3.14159f, "cupping", null));
  }

  @Test
  void theEncodedFormIsWhatTheTestsAboveDecode() {
    assertThat(new String(Base64.getUrlDecoder().decode("cnw3ZmMwMDAwMHxzbHVn"), StandardCharsets.UTF_8)).isEqualTo("r|7fc00000|slug");
    assertThat(new String(Base64.getUrlDecoder().decode("cHwxMjN8Tm90IEEgU2x1Zw"), StandardCharsets.UTF_8)).isEqualTo("p|123|Not A Slug");
    assertThat(new String(Base64.getUrlDecoder().decode("cnw0MDQ5MGZkMHxjdXBwaW5nfG5vdCBiYXNlNjQh"), StandardCharsets.UTF_8)).isEqualTo("r|40490fd0|cupping|not base64!");
  }
}
