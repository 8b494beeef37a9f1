package network.clinic.booking.appointment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import network.clinic.booking.BookingProperties;
import org.springframework.stereotype.Component;

/**
 * The patient's capability for one appointment: 256 random bits, base64url. Only its SHA-256 is
 * stored, so every change issues a new token (the old one stops working) and that change's event
 * carries the new link, so the latest email always holds a working one.
 */
@Component
class ManageTokens {

  private static final int TOKEN_BYTES = 32;

  private final SecureRandom random = new SecureRandom();
  private final String linkBase;

  ManageTokens(BookingProperties properties) {
    this.linkBase = properties.manageLinkBaseUrl();
  }

  /** A fresh token, its hash to store and the link to give the patient. Never log the token or link. */
  record Issued(String token, String hash, String link) {

    @Override
    public String toString() {
      return "Issued[redacted]";
    }
  }

  Issued issue(String appointmentId) {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new Issued(token, hash(token), linkBase + "/" + appointmentId + "?token=" + token);
  }

  static String hash(String token) {
    return sha256(token);
  }

  /** Key for a patient's appointments: the address is case-insensitive in practice. */
  static String patientKey(String email) {
    return sha256(email.trim().toLowerCase(Locale.ROOT));
  }

  private static String sha256(String value) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
