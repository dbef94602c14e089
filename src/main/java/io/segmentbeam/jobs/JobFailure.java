package io.segmentbeam.jobs;

/** A reason a job cannot run, worded as the job's failureReason. */
final class JobFailure extends Exception {
  private static final long serialVersionUID = 1L;

  JobFailure(String failureReason) {
    super(failureReason);
  }

  JobFailure(String failureReason, Throwable cause) {
    super(failureReason, cause);
  }

  /** The most specific message in a cause chain, skipping the wrappers runners add around user code. */
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
    return message != null ? message : error.getClass().getSimpleName();
  }
}
