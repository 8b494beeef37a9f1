package network.clinic.support.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/** Registers the catch-all that turns unhandled exceptions into problem documents. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebProblemsAutoConfiguration {

  @Bean
  UnhandledExceptionProblems unhandledExceptionProblems() {
    return new UnhandledExceptionProblems();
  }

  // Tomcat itself refuses an encoded slash (%2F) with its HTML error page; passing it through lets
  // Spring Security's firewall refuse it instead, with a problem document.
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashReachesTheFirewall() {
    return factory -> factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
  }

  // What Tomcat still refuses itself (an encoded NUL or backslash) is answered by the host's error
  // report valve: ours writes a problem document instead of Tomcat's HTML page.
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> serverRefusalsAsProblems() {
    return factory -> factory.addContextCustomizers(
        context -> ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemErrorReportValve.class.getName()));
  }
}
