package network.clinic.content.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicCachingTests {

  @Test
  void ifNoneMatchComparesWeakly() {
    String etag = "\"abc\"";

    assertThat(PublicCaching.matches("\"abc\"", etag)).isTrue();
    assertThat(PublicCaching.matches("W/\"abc\"", etag)).isTrue();
    assertThat(PublicCaching.matches("\"x\", \"abc\"", etag)).isTrue();
    assertThat(PublicCaching.matches("*", etag)).isTrue();
    assertThat(PublicCaching.matches("\"abd\"", etag)).isFalse();
    assertThat(PublicCaching.matches("abc", etag)).isFalse();
    assertThat(PublicCaching.matches(null, etag)).isFalse();
    assertThat(PublicCaching.matches("", etag)).isFalse();
  }
}
