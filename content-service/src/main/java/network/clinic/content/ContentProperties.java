package network.clinic.content;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestSize larger request bodies are refused with 413 before anything is parsed
 * @param publicMaxAge how long browsers and CDNs may reuse a public read without revalidating
 * @param search the search index: where it is kept and how it follows changes made by other
 *     instances
 * @param articleCache published articles kept in memory as they are served
 * @param seed the sample articles written into an empty database
 */
@ConfigurationProperties("clinic.content")
public record ContentProperties(
    @DefaultValue("256KB") DataSize maxRequestSize,
    @DefaultValue("60s") Duration publicMaxAge,
    @DefaultValue Search search,
    @DefaultValue ArticleCache articleCache,
    @DefaultValue Seed seed) {

  /**
   * @param pollInterval how often each instance checks MongoDB's change counter
   * @param fullResyncInterval how often each instance compares its whole index with MongoDB,
   *     whatever the counter says (covers a writer that died between its write and its bump)
   * @param indexDirectory where this instance keeps its index across restarts, so a restart reads
   *     only the articles that changed meanwhile; unset (or blank) keeps it in memory. One
   *     directory per instance.
   */
  public record Search(
      @DefaultValue("2s") Duration pollInterval,
      @DefaultValue("60s") Duration fullResyncInterval,
      Path indexDirectory) {}

  /**
   * @param maxSize memory for cached articles (their JSON); when it is full, Caffeine keeps the
   *     articles read most often. 0 turns the cache off
   * @param pollInterval how often each instance checks MongoDB's change counter, so an article
   *     written on another instance is served fresh within this interval
   * @param maxAge how long a cached article is served at most, whatever the counter says (covers a
   *     writer that died between its write and its bump)
   */
  public record ArticleCache(
      @DefaultValue("16MB") DataSize maxSize,
      @DefaultValue("2s") Duration pollInterval,
      @DefaultValue("60s") Duration maxAge) {}

  public record Seed(@DefaultValue("true") boolean enabled) {}
}
