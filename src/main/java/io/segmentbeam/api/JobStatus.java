package io.segmentbeam.api;

/** The status values a batch job moves through. */
public final class JobStatus {
  private JobStatus() {}

  public static final String CREATE_PENDING = "CREATE PENDING";
  public static final String CREATE_IN_PROGRESS = "CREATE IN_PROGRESS";
  public static final String ACTIVE = "ACTIVE";
  public static final String CREATE_FAILED = "CREATE FAILED";
}
