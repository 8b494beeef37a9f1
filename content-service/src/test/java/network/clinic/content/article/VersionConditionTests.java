package network.clinic.content.article;

import static network.clinic.content.article.TestArticles.aPublishedArticle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import network.clinic.content.web.ApiProblem;
import org.junit.jupiter.api.Test;

class VersionConditionTests {

  private final Article atVersion3 = aPublishedArticle().atVersion(3).build();

  @Test
  void ifMatchNamesTheVersionQuotedWeakOrBare() {
    for (String header : new String[] {"\"3\"", "W/\"3\"", "3", " \"3\" "}) {
      assertThatCode(() -> VersionCondition.of(header, null).check(atVersion3)).doesNotThrowAnyException();
    }
    assertThatCode(() -> VersionCondition.of("*", null).check(atVersion3)).doesNotThrowAnyException();
  }

  @Test
  void aStaleIfMatchIs412AndAStaleBodyVersion409() {
    assertThatThrownBy(() -> VersionCondition.of("\"2\"", null).check(atVersion3)).isInstanceOf(ApiProblem.class).satisfies(e -> status(e, 412));
    assertThatThrownBy(() -> VersionCondition.of("\"a1b2c3\"", null).check(atVersion3)).satisfies(e -> status(e, 412));
    assertThatThrownBy(() -> VersionCondition.of(null, 2L).check(atVersion3)).satisfies(e -> status(e, 409));
  }

  @Test
  void ifMatchWinsOverTheBodyVersion() {
    assertThatCode(() -> VersionCondition.of("\"3\"", 1L).check(atVersion3)).doesNotThrowAnyException();
    assertThat(VersionCondition.of(null, null).isPresent()).isFalse();
  }

  private static void status(Throwable e, int status) {
    assertThat(((ApiProblem) e).status().value()).isEqualTo(status);
  }
}
