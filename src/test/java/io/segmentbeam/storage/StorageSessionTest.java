package io.segmentbeam.storage;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job's writes into its folder stay in it, and never make a removed folder again. */
class StorageSessionTest {
  @TempDir Path work;

  @Test
  void writesIntoSubfoldersOfTheFolderOnly() throws IOException {
    Path folder = Files.createDirectories(work.resolve("staging/files"));
    try (StorageSession session = JobStorage.of(PipelineOptionsFactory.create(), null).open()) {
      try (OutputStream out = session.writeInto(folder + "/", "sub/./x.json.out", "text/plain")) {
        out.write("line\n".getBytes(StandardCharsets.UTF_8));
      }
      assertThat(Files.readString(folder.resolve("sub/x.json.out")), equalTo("line\n"));

      IOException escape = assertThrows(IOException.class,
          () -> session.writeInto(folder + "/", "../../escaped.json.out", "text/plain"));
      assertThat(escape.getMessage(), containsString("would be written outside"));
      assertThat(Files.exists(work.resolve("escaped.json.out")), equalTo(false));

      Path removed = work.resolve("removed/files");
      assertThrows(NoSuchFileException.class, () -> session.writeInto(removed + "/", "x.json.out", "text/plain"));
      assertThat(Files.exists(work.resolve("removed")), equalTo(false));
    }
  }
}
