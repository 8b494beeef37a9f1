package network.clinic.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class StrictUtf8DeserializerTests {

  private final StrictUtf8Deserializer deserializer = new StrictUtf8Deserializer();

  @Test
  void validUtf8IsReadAsIs() {
    String text = "{\"name\":\"Zoë Ångström 李\"}";

    assertThat(deserializer.deserialize("topic", text.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(text);
    assertThat(deserializer.deserialize("topic", null)).isNull();
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedInsteadOfReplaced() {
    byte[] latin1 = "Zoë".getBytes(StandardCharsets.ISO_8859_1);
    byte[] truncated = {'{', (byte) 0xE2, (byte) 0x82};

    assertThatExceptionOfType(SerializationException.class)
        .isThrownBy(() -> deserializer.deserialize("topic", latin1))
        .withMessage("Record value is not valid UTF-8");
    assertThatExceptionOfType(SerializationException.class)
        .isThrownBy(() -> deserializer.deserialize("topic", truncated));
  }
}
