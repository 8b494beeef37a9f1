package network.clinic.notification.inbox;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a record value as UTF-8 and refuses bytes that are not (JSON is UTF-8). Kafka's
 * StringDeserializer would replace them silently, and the dead letter would then carry the
 * replacement characters instead of the bytes the producer sent. Wrapped in the
 * ErrorHandlingDeserializer, a refusal sends the record to the dead-letter topic with its raw bytes.
 */
public class StrictUtf8Deserializer implements Deserializer<String> {

  @Override
  public String deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      // A fresh decoder per call: decoders are not thread-safe, and this is cheap.
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data))
          .toString();
    } catch (CharacterCodingException e) {
      // Names the problem only: the bytes may hold personal data.
      throw new SerializationException("Record value is not valid UTF-8");
    }
  }
}
