package io.segmentbeam.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.util.common.ReflectHelpers;

/**
 * How one job reaches the files it reads and writes: the S3 access of its own pipeline options,
 * and the KMS key its output is stored under. Jobs running at once in one JVM each have their own,
 * and none goes through Beam's process-wide FileSystems, whose settings are whatever the last
 * pipeline set. Serializable, so that the pipeline's transforms carry it to where they run and
 * open a {@link StorageSession} there.
 */
public final class JobStorage implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Reads and writes pipeline options as Beam does, with the option modules on the classpath (AWS's among them). */
  private static final ObjectMapper OPTIONS_JSON =
      new ObjectMapper().registerModules(ObjectMapper.findModules(ReflectHelpers.findClassLoader()));

  /** The options as JSON, which is how Beam serializes them; the live copy is made again where it is used. */
  private final String optionsJson;
  private final String kmsKeyArn;
  private transient PipelineOptions options;

  private JobStorage(PipelineOptions options, String kmsKeyArn) {
    try {
      this.optionsJson = OPTIONS_JSON.writeValueAsString(options);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialize the job's pipeline options: " + e.getMessage(), e);
    }
    this.options = options;
    this.kmsKeyArn = kmsKeyArn;
  }

  /** @param kmsKeyArn the key S3 output is stored under with SSE-KMS, or null for the bucket's default */
  public static JobStorage of(PipelineOptions options, String kmsKeyArn) {
    return new JobStorage(options, kmsKeyArn);
  }

  /** The job's pipeline options, for its listings and checks. */
  public synchronized PipelineOptions options() {
    if (options == null) {
      try {
        options = OPTIONS_JSON.readValue(optionsJson, PipelineOptions.class);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException("cannot read the job's pipeline options", e);
      }
    }
    return options;
  }

  public String kmsKeyArn() {
    return kmsKeyArn;
  }

  /** A session for reading and writing; close it when done, which closes its S3 client. */
  public StorageSession open() {
    return new StorageSession(options(), kmsKeyArn);
  }
}
