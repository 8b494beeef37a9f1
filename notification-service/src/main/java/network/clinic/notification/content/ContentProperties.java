package network.clinic.notification.content;

import jakarta.validation.constraints.NotNull;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How messages read ({@code clinic.notification.content.*}).
 *
 * @param locale language of day and month names, and of zone abbreviations ({@code en-GB} says
 *     "BST"; plain {@code en} would say "GMT+01:00")
 */
@Validated
@ConfigurationProperties("clinic.notification.content")
record ContentProperties(@DefaultValue("en-GB") @NotNull Locale locale) {}
