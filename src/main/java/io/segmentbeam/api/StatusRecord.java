package io.segmentbeam.api;

import java.math.BigDecimal;

/** A job shape that moves through the create statuses: CREATE PENDING to ACTIVE or CREATE FAILED. */
public interface StatusRecord<T> {
  String status();

  /** The same job in a new status, with its failure reason (null unless failed) and update time. */
  T withStatus(String newStatus, String newFailureReason, BigDecimal now);
}
