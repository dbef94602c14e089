package io.segmentbeam.jobs;

import io.segmentbeam.api.SecretMasking;

/** A reason a job cannot run, worded as the job's failureReason. */
final class JobFailure extends Exception {
  private static final long serialVersionUID = 1L;

  JobFailure(String failureReason) {
    super(failureReason);
  }

  JobFailure(String failureReason, Throwable cause) {
    super(failureReason, cause);
  }

  /**
   * The failure of a dataset job's pipeline: what to do about it when the JVM ran out of heap,
   * else the pipeline's own reason.
   */
  static JobFailure ofPipeline(String pipeline, Throwable error) {
    return new JobFailure(outOfMemory(error) ? heapAdvice(pipeline)
        : "The " + pipeline + " pipeline failed: " + rootMessage(error), error);
  }

  /** Whether the JVM ran out of heap somewhere in a cause chain (runners wrap the error they caught). */
  private static boolean outOfMemory(Throwable error) {
    for (Throwable current = error; current != null; current = current.getCause()) {
      if (current instanceof OutOfMemoryError) {
        return true;
      }
      if (current.getCause() == current) {
        break;
      }
    }
    return false;
  }

  /** What to do about a pipeline that ran out of heap, for a failureReason. */
  private static String heapAdvice(String pipeline) {
    return "The " + pipeline + " pipeline ran out of memory (Java heap of " + Runtime.getRuntime().maxMemory() / (1 << 20)
        + " MiB): the Direct runner holds each input file's rows in memory while it reads it. Give Java more memory "
        + "(java -Xmx8g -jar ...), split the input into several files, or run on Flink (--runner=FlinkRunner).";
  }

  /**
   * The most specific message in a cause chain, skipping the wrappers runners add around user
   * code, with credentials masked: it becomes a failureReason that is stored and printed.
   */
  static String rootMessage(Throwable error) {
    Throwable current = error;
    String message = null;
    while (current != null) {
      String own = current.getMessage();
      boolean wrapper = own == null || (current.getCause() != null && own.equals(current.getCause().toString()));
      if (!wrapper) {
        message = own;
      }
      if (current.getCause() == current) {
        break;
      }
      current = current.getCause();
    }
    return message != null ? SecretMasking.mask(message) : error.getClass().getSimpleName();
  }
}
