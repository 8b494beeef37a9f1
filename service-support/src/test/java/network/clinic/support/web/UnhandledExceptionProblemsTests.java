package network.clinic.support.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(classes = network.clinic.support.security.SecuredTestApplication.class)
@AutoConfigureMockMvc
class UnhandledExceptionProblemsTests {

  @Autowired MockMvc mvc;

  @Test
  void unhandledExceptionIsAnInternalErrorProblemThatQuotesNothing() throws Exception {
    mvc.perform(get("/api/v1/broken"))
        .andExpect(status().isInternalServerError())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value(UnhandledExceptionProblems.INTERNAL_TYPE))
        .andExpect(content().string(Matchers.not(Matchers.containsString("jane@example.org"))))
        .andExpect(content().string(Matchers.not(Matchers.containsString("IllegalStateException"))));
  }

  @Test
  void unreachableDatabaseIsServiceUnavailableWithRetryAfter() throws Exception {
    mvc.perform(get("/api/v1/database-down"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", String.valueOf(UnhandledExceptionProblems.RETRY_AFTER_SECONDS)))
        .andExpect(jsonPath("$.type").value(UnhandledExceptionProblems.UNAVAILABLE_TYPE));
  }

  @Test
  void urlTheFirewallRefusesIsABadRequestProblem() throws Exception {
    mvc.perform(get("/api/v1/public;jsessionid=1"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://clinic.network/problems/rejected-request"));
  }

  @Test
  void securityExceptionsStillBecome401And403() throws Exception {
    mvc.perform(get("/api/v1/clinics/london-camden/secrets")).andExpect(status().isUnauthorized());
  }
}
