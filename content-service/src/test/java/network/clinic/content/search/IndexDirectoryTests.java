package network.clinic.content.search;

import static network.clinic.content.article.TestArticles.aPublishedArticle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import network.clinic.content.article.Article;
import network.clinic.content.article.ArticleFilter;
import network.clinic.content.article.ArticleSearch.After;
import network.clinic.content.article.ArticleSearch.Hit;
import network.clinic.content.article.TestArticles;
import network.clinic.content.rendering.MarkdownRenderer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index kept in a directory: reopened as it was, rebuilt when it cannot be trusted, never shared. */
class IndexDirectoryTests {

  private static final MarkdownRenderer RENDERER = new MarkdownRenderer();
  private static final ArticleFilter NETWORK = new ArticleFilter(null, null, null);

  @TempDir Path directory;

  @Test
  void aReopenedIndexKnowsEveryArticleAndVersionItHeld() throws Exception {
    List<Article> corpus = corpus(120);
    Map<String, Long> held;
    try (ArticleIndex index = new ArticleIndex(RENDERER, directory)) {
      addInBatches(index, corpus);
      index.apply(TestArticles.unpublished(corpus.get(3)));
      index.remove(corpus.get(4).id());
      held = index.indexedVersions();
    }

    try (ArticleIndex reopened = new ArticleIndex(RENDERER, directory)) {
      assertThat(held).hasSize(corpus.size() - 2);
      assertThat(reopened.indexedVersions()).isEqualTo(held);
      assertThat(reopened.search("wombat", NETWORK, 5)).isNotEmpty();
    }
  }

  @Test
  void searchesGiveTheSameHitsAndScoresInMemoryOnDiskAndAfterAReopen() throws Exception {
    List<Article> corpus = corpus(300);
    List<List<Hit>> inMemory;
    List<List<Hit>> onDisk;
    try (ArticleIndex memory = new ArticleIndex(RENDERER);
        ArticleIndex disk = new ArticleIndex(RENDERER, directory)) {
      addInBatches(memory, corpus);
      addInBatches(disk, corpus);
      inMemory = searches(memory);
      onDisk = searches(disk);
    }
    List<List<Hit>> reopened;
    try (ArticleIndex disk = new ArticleIndex(RENDERER, directory)) {
      reopened = searches(disk);
    }

    assertThat(inMemory).allSatisfy(hits -> assertThat(hits).isNotEmpty());
    assertThat(onDisk).isEqualTo(inMemory);
    assertThat(reopened).isEqualTo(inMemory);
  }

  @Test
  void aSecondIndexOnTheSameDirectoryIsRefusedWithTheDirectoryNamed() throws Exception {
    try (ArticleIndex first = new ArticleIndex(RENDERER, directory)) {
      first.apply(aPublishedArticle().titled("First holder").build());

      assertThatThrownBy(() -> new ArticleIndex(RENDERER, directory))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(directory.toAbsolutePath().toString())
          .hasMessageContaining("in use");
      // The refused one changed nothing
      assertThat(first.search("holder", NETWORK, 5)).hasSize(1);
    }
    try (ArticleIndex next = new ArticleIndex(RENDERER, directory)) {
      assertThat(next.size()).isEqualTo(1);
    }
  }

  @Test
  void whatACrashLeavesBehindOpensWithEverythingCommitted() throws Exception {
    // A copy taken while the index is open and has just been written is what a killed process
    // leaves: every update was committed before it returned
    Path crashed = Files.createDirectory(directory.resolve("crashed"));
    Path live = directory.resolve("live");
    Map<String, Long> held;
    try (ArticleIndex index = new ArticleIndex(RENDERER, live)) {
      addInBatches(index, corpus(60));
      held = index.indexedVersions();
      try (Stream<Path> files = Files.list(live)) {
        for (Path file : files.toList()) {
          try {
            Files.copy(file, crashed.resolve(file.getFileName()));
          } catch (NoSuchFileException e) {
            // A background merge's temporary file, gone meanwhile: a crash might not leave it either
          }
        }
      }
    }

    try (ArticleIndex restarted = new ArticleIndex(RENDERER, crashed)) {
      assertThat(restarted.indexedVersions()).isEqualTo(held);
    }
  }

  @Test
  void anIndexWithADamagedFileIsBuiltAgainAndOtherFilesAreLeftAlone() throws Exception {
    try (ArticleIndex index = new ArticleIndex(RENDERER, directory)) {
      addInBatches(index, corpus(80));
    }
    Files.writeString(directory.resolve("operator-notes.txt"), "kept");
    flipAByteInTheMiddle(largestIndexFile());

    try (ArticleIndex rebuilt = new ArticleIndex(RENDERER, directory)) {
      assertThat(rebuilt.size()).isZero();
      assertThat(rebuilt.search("wombat", NETWORK, 5)).isEmpty();
      rebuilt.apply(aPublishedArticle().titled("After the rebuild").build());
    }
    assertThat(directory.resolve("operator-notes.txt")).hasContent("kept");
    try (ArticleIndex reopened = new ArticleIndex(RENDERER, directory)) {
      assertThat(reopened.size()).isEqualTo(1);
    }
  }

  @Test
  void anIndexWhoseCommitCannotBeReadIsBuiltAgain() throws Exception {
    try (ArticleIndex index = new ArticleIndex(RENDERER, directory)) {
      addInBatches(index, corpus(20));
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path segments : files.filter(file -> file.getFileName().toString().startsWith("segments_")).toList()) {
        Files.write(segments, "not a commit".getBytes());
      }
    }

    try (ArticleIndex rebuilt = new ArticleIndex(RENDERER, directory)) {
      assertThat(rebuilt.size()).isZero();
    }
    assertThat(schemaOnDisk()).isEqualTo(ArticleIndex.SCHEMA);
  }

  @Test
  void anIndexWrittenWithAnotherSchemaIsBuiltAgain() throws Exception {
    writeForeignIndex("0", new Sort(new SortField("slug", SortField.Type.STRING)));

    try (ArticleIndex rebuilt = new ArticleIndex(RENDERER, directory)) {
      assertThat(rebuilt.size()).isZero();
    }
    assertThat(schemaOnDisk()).isEqualTo(ArticleIndex.SCHEMA);
  }

  @Test
  void anIndexSortedAnotherWayIsBuiltAgain() throws Exception {
    writeForeignIndex(ArticleIndex.SCHEMA, null);

    try (ArticleIndex rebuilt = new ArticleIndex(RENDERER, directory)) {
      assertThat(rebuilt.size()).isZero();
      rebuilt.apply(aPublishedArticle().titled("Sorted by slug again").build());
      assertThat(rebuilt.search("sorted", NETWORK, 5)).hasSize(1);
    }
  }

  /** Varied articles: different lengths, tags, clinics and treatments, so scores differ. */
  private static List<Article> corpus(int size) {
    Random random = new Random(size);
    List<String> words =
        List.of("wombat", "needle", "back", "pain", "sleep", "cupping", "heat", "neck", "migraine", "stretch", "calm", "tea");
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      StringBuilder body = new StringBuilder();
      for (int w = 0; w < 5 + random.nextInt(40); w++) {
        body.append(words.get(random.nextInt(words.size()))).append(random.nextInt(6) == 0 ? ". " : " ");
      }
      TestArticles article =
          aPublishedArticle()
              .titled(words.get(random.nextInt(words.size())) + " and " + words.get(random.nextInt(words.size())) + " " + i)
              .withBody(body.toString())
              .tagged(i % 3 == 0 ? "pain" : "general")
              .linkedTo(i % 4 == 0 ? "cupping" : "follow-up")
              .atVersion(random.nextInt(5));
      if (i % 5 == 0) {
        article.forClinic(i % 2 == 0 ? "london-camden" : "toronto-annex");
      }
      if (i % 7 == 0) {
        article.withFaq("Does " + words.get(random.nextInt(words.size())) + " help?", "Often, for some people.");
      }
      articles.add(article.build());
    }
    Collections.shuffle(articles, new Random(3));
    return articles;
  }

  private static void addInBatches(ArticleIndex index, List<Article> articles) {
    for (int from = 0; from < articles.size(); from += 25) {
      index.update(articles.subList(from, Math.min(from + 25, articles.size())), List.of());
    }
  }

  private static List<List<Hit>> searches(ArticleIndex index) {
    List<List<Hit>> results = new ArrayList<>();
    for (String query : List.of("wombat", "back pain", "needle sleep heat", "migraine help")) {
      results.add(index.search(query, NETWORK, 1000));
      results.add(index.search(query, new ArticleFilter(null, "london-camden", null), 1000));
      results.add(index.search(query, new ArticleFilter("pain", "toronto-annex", null), 1000));
      results.add(index.search(query, new ArticleFilter(null, null, "cupping"), 1000));
      results.add(pages(index, query, 7));
    }
    return results;
  }

  private static List<Hit> pages(ArticleIndex index, String query, int pageSize) {
    List<Hit> all = new ArrayList<>();
    After after = null;
    List<Hit> page;
    do {
      page = index.search(query, NETWORK, after, pageSize);
      all.addAll(page);
      after = page.isEmpty() ? null : new After(page.getLast().score(), page.getLast().slug());
    } while (page.size() == pageSize);
    return all;
  }

  private Path largestIndexFile() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(file -> file.getFileName().toString().startsWith("_"))
          .max(Comparator.comparingLong(IndexDirectoryTests::length))
          .orElseThrow();
    }
  }

  private static long length(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void flipAByteInTheMiddle(Path file) throws IOException {
    try (RandomAccessFile data = new RandomAccessFile(file.toFile(), "rw")) {
      long middle = data.length() / 2;
      data.seek(middle);
      int value = data.read();
      data.seek(middle);
      data.write(value ^ 0xFF);
    }
  }

  /** An index as another version of the service (or another program) might have left it. */
  private void writeForeignIndex(String schema, Sort sort) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
    if (sort != null) {
      config.setIndexSort(sort);
    }
    try (FSDirectory fs = FSDirectory.open(directory);
        IndexWriter writer = new IndexWriter(fs, config)) {
      Document document = new Document();
      document.add(new StringField("id", "left-over", Field.Store.YES));
      writer.addDocument(document);
      writer.setLiveCommitData(Map.of(IndexStorage.SCHEMA_KEY, schema).entrySet());
      writer.commit();
    }
  }

  private String schemaOnDisk() throws IOException {
    try (FSDirectory fs = FSDirectory.open(directory)) {
      return DirectoryReader.listCommits(fs).getLast().getUserData().get(IndexStorage.SCHEMA_KEY);
    }
  }
}
