package io.segmentbeam.store;

import io.segmentbeam.api.ApiJson;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The files each job published, kept beside the jobs' API documents (which hold exactly the API
 * shape): {@code <home>/job-outputs/<region>/<account>/<resource type>/<job name>.json}. What reads
 * a job's results (evaluate) reads these files and no others, and can tell when one has changed.
 */
public final class JobOutputs {
  private final Documents folder;

  public JobOutputs(Documents home, ArnScope scope, String resourceType) {
    this.folder = home.folder("job-outputs").folder(scope.region()).folder(scope.accountId()).folder(resourceType);
  }

  /** One published file: its name in the output folder and its size when published. */
  public record File(String name, long sizeBytes) {}

  /** What a job published into {@code outputFolder} (a path or URI ending in {@code /}). */
  public record Published(String outputFolder, List<File> files) {}

  public void put(String jobName, Published published) {
    try {
      folder.replace(jobName + ".json", ApiJson.mapper().writeValueAsBytes(published));
    } catch (IOException e) {
      throw StoreFailures.cannotWrite(folder, e);
    }
  }

  public Optional<Published> find(String jobName) {
    try {
      Optional<byte[]> content = folder.read(jobName + ".json");
      return content.isEmpty() ? Optional.empty()
          : Optional.of(ApiJson.mapper().readValue(content.get(), Published.class));
    } catch (IOException e) {
      throw StoreFailures.cannotRead(folder, e);
    }
  }
}
