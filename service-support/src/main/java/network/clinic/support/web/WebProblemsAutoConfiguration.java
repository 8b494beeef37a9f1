package network.clinic.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Registers the catch-all that turns unhandled exceptions into problem documents. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebProblemsAutoConfiguration {

  @Bean
  UnhandledExceptionProblems unhandledExceptionProblems() {
    return new UnhandledExceptionProblems();
  }
}
