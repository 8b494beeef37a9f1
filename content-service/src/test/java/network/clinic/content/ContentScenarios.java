package network.clinic.content;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * What every content integration scenario shares: the whole service on a random port, against
 * the infrastructure its concrete subclass registers (a database of its own per class), with
 * short poll intervals for search and the article cache.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "clinic.security.jwt.secret=" + StaffTokens.SECRET,
      "clinic.content.search.poll-interval=200ms",
      "clinic.content.search.full-resync-interval=5s",
      "clinic.content.article-cache.poll-interval=200ms"
    })
@AutoConfigureMockMvc
public abstract class ContentScenarios {

  @Autowired protected MockMvc mvc;

  /** Creates a draft as {@code token} and returns its slug. */
  protected String create(String token, ArticleRequests article) throws Exception {
    MvcResult result =
        mvc.perform(
                post("/api/v1/articles")
                    .header(HttpHeaders.AUTHORIZATION, token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(article.json()))
            .andExpect(status().isCreated())
            .andReturn();
    return JsonPath.read(result.getResponse().getContentAsString(), "$.slug");
  }

  protected String publish(String token, String slug) throws Exception {
    mvc.perform(post("/api/v1/articles/{slug}/publish", slug).header(HttpHeaders.AUTHORIZATION, token)).andExpect(status().isOk());
    return slug;
  }

  protected String createPublished(String token, ArticleRequests article) throws Exception {
    return publish(token, create(token, article));
  }
}
