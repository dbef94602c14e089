package io.segmentbeam.jobs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.segmentbeam.dataset.DatasetVersions;
import io.segmentbeam.store.LocalDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a failed job wrote is removed, the folder with it. */
class StagingAreaTest {
  @TempDir Path folder;

  @Test
  void anUnfinishedDatasetVersionLeavesNoFile() throws IOException {
    String version = new DatasetVersions(new LocalDocuments(folder)).newVersion("failed");
    Files.createDirectories(Path.of(version));
    Files.writeString(Path.of(version, "bulk-00000-of-00001.csv"), "USER_ID,AGE\n");
    StagingArea.deleteOrWarn(version);
    assertThat(Files.exists(Path.of(version)), equalTo(false));
  }
}
