package network.clinic.content.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the search index lives: in memory (every start builds it from MongoDB), or in a directory
 * that a restart reopens, so only the articles that changed meanwhile are read again.
 *
 * <p>A directory's index is trusted whole or not at all. One that cannot be opened, fails its
 * checksums, or was written with another schema is wiped and built again from MongoDB, the source
 * of truth. Lucene commits are atomic, so a crash loses at most the changes after the last commit,
 * and the owner's version comparison reloads exactly those.
 */
final class IndexStorage implements Closeable {

  private static final Logger log = LoggerFactory.getLogger(IndexStorage.class);

  /** Commit user data naming the schema the index was written with. */
  static final String SCHEMA_KEY = "schema";

  /**
   * Held while the index is open, and taken before anything is read or wiped. Lucene's own write
   * lock is released when a writer fails to open, which would leave a moment where a second
   * instance could start writing into a directory this one is about to wipe.
   */
  static final String INSTANCE_LOCK = "instance.lock";

  private final Directory directory;
  /** Null in memory. */
  private final Path path;
  private final Lock instanceLock;

  private IndexStorage(Directory directory, Path path, Lock instanceLock) {
    this.directory = directory;
    this.path = path;
    this.instanceLock = instanceLock;
  }

  static IndexStorage inMemory() {
    return new IndexStorage(new ByteBuffersDirectory(), null, null);
  }

  /** @throws IllegalStateException when another process (or index) holds the directory */
  static IndexStorage inDirectory(Path path) throws IOException {
    Path absolute = path.toAbsolutePath().normalize();
    Files.createDirectories(absolute);
    FSDirectory directory = FSDirectory.open(absolute);
    try {
      return new IndexStorage(directory, absolute, directory.obtainLock(INSTANCE_LOCK));
    } catch (LockObtainFailedException e) {
      directory.close();
      throw inUse(absolute, e);
    }
  }

  /** What the index held when it was opened, read by its owner. */
  @FunctionalInterface
  interface Contents<T> {
    T read(DirectoryReader reader) throws IOException;
  }

  record Opened<T>(IndexWriter writer, T contents) {}

  /**
   * A writer on the directory's index, with what it holds; or on a new, empty index (contents
   * {@code empty}) when there is none or it cannot be used.
   *
   * @param config a fresh config per call (Lucene allows one writer per config)
   */
  <T> Opened<T> open(Supplier<IndexWriterConfig> config, String schema, Contents<T> contents, T empty) throws IOException {
    try {
      if (path != null && DirectoryReader.indexExists(directory)) {
        Opened<T> existing = openExisting(config, schema, contents);
        if (existing != null) {
          return existing;
        }
      }
      IndexWriter writer = new IndexWriter(directory, config.get().setOpenMode(OpenMode.CREATE));
      writer.setLiveCommitData(Map.of(SCHEMA_KEY, schema).entrySet());
      // Marks the directory as this schema's index before the first article arrives
      commit(writer);
      return new Opened<>(writer, empty);
    } catch (LockObtainFailedException e) {
      // Lucene's own lock: held by a process that is not an instance of this service
      throw inUse(path, e);
    }
  }

  /** Null when the index cannot be used; it has been wiped then. */
  private <T> Opened<T> openExisting(Supplier<IndexWriterConfig> config, String schema, Contents<T> contents) throws IOException {
    IndexWriter writer = null;
    try {
      // Also refuses an index sorted differently (IllegalArgumentException)
      writer = new IndexWriter(directory, config.get().setOpenMode(OpenMode.APPEND));
      String written = commitData(writer).get(SCHEMA_KEY);
      if (!schema.equals(written)) {
        throw new IllegalStateException("written with schema " + written + ", this version uses " + schema);
      }
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        // Opening checks headers and footers only: a damaged byte in between would otherwise go
        // unnoticed and give wrong results until that article changed again
        for (LeafReaderContext leaf : reader.leaves()) {
          leaf.reader().checkIntegrity();
        }
        return new Opened<>(writer, contents.read(reader));
      }
    } catch (LockObtainFailedException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      if (writer != null) {
        // Not close(): that would commit
        rollbackQuietly(writer);
      }
      log.warn("Search index in {} cannot be used ({}); building it again from MongoDB", path, e.toString());
      wipe();
      return null;
    }
  }

  /** Makes what the writer holds survive a restart; nothing to do in memory. */
  void commit(IndexWriter writer) throws IOException {
    if (path != null) {
      writer.commit();
    }
  }

  /** The index's files only: anything else someone keeps in the directory is left alone. */
  private void wipe() throws IOException {
    for (String file : directory.listAll()) {
      if (IndexFileNames.CODEC_FILE_PATTERN.matcher(file).matches()
          || file.startsWith(IndexFileNames.SEGMENTS)
          || file.startsWith(IndexFileNames.PENDING_SEGMENTS)) {
        directory.deleteFile(file);
      }
    }
  }

  private static Map<String, String> commitData(IndexWriter writer) {
    Map<String, String> data = new HashMap<>();
    Iterable<Map.Entry<String, String>> entries = writer.getLiveCommitData();
    if (entries != null) {
      entries.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
    }
    return data;
  }

  private static void rollbackQuietly(IndexWriter writer) {
    try {
      writer.rollback();
    } catch (IOException | RuntimeException e) {
      log.debug("Rolling back an unusable search index failed", e);
    }
  }

  private static IllegalStateException inUse(Path path, LockObtainFailedException cause) {
    return new IllegalStateException(
        "The search index directory "
            + path
            + " is in use by another process; each instance needs a directory of its own"
            + " (clinic.content.search.index-directory / CONTENT_SEARCH_INDEX_DIR)",
        cause);
  }

  @Override
  public void close() throws IOException {
    try {
      if (instanceLock != null) {
        instanceLock.close();
      }
    } finally {
      directory.close();
    }
  }

  @Override
  public String toString() {
    return path == null ? "memory" : path.toString();
  }
}
