package io.segmentbeam.storage;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * A transform step that reads or writes a job's files: each instance opens one session of the
 * job's storage when it is set up and closes it when it is torn down.
 */
public abstract class StorageDoFn<InputT, OutputT> extends DoFn<InputT, OutputT> {
  private static final long serialVersionUID = 1L;

  private final JobStorage storage;
  private transient StorageSession session;

  protected StorageDoFn(JobStorage storage) {
    this.storage = storage;
  }

  @Setup
  public void openStorage() {
    session = storage.open();
  }

  @Teardown
  public void closeStorage() {
    session.close();
  }

  protected StorageSession storage() {
    return session;
  }

  /**
   * A new or replaced UTF-8 text file at {@code name} in {@code folder}, which must still be there
   * (see {@link StorageSession#writeInto}), buffered; closing it completes the file.
   */
  protected Writer textFile(String folder, String name, String contentType) throws IOException {
    return new BufferedWriter(new OutputStreamWriter(session.writeInto(folder, name, contentType),
        StandardCharsets.UTF_8), 1 << 16);
  }
}
