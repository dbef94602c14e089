package io.segmentbeam.dataset;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.segmentbeam.store.LocalDocuments;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new version of a dataset becomes current only if the version it was made from still is. */
class DatasetVersionsTest {
  @TempDir Path folder;

  @Test
  void aWriteThatStartedFromAnOlderVersionIsNotCommitted() throws IOException {
    DatasetVersions versions = new DatasetVersions(new LocalDocuments(folder));
    assertThat(versions.current(), equalTo(Optional.empty()));
    String first = versions.newVersion("first");
    versions.commit(first, null);
    assertThat(versions.current(), equalTo(Optional.of(first)));

    // Two writers start from the first version; the one that commits second would drop the other's records.
    String second = versions.newVersion("second");
    String racing = versions.newVersion("racing");
    versions.commit(second, first);
    DatasetVersions.ConcurrentUpdateException refused =
        assertThrows(DatasetVersions.ConcurrentUpdateException.class, () -> versions.commit(racing, first));
    assertThat(refused.getMessage(), equalTo("the current version is now " + second + ", not " + first
        + " as when this write started"));
    assertThat(versions.current(), equalTo(Optional.of(second)));
  }

}
