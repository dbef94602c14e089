package io.segmentbeam.dataset;

import java.io.IOException;

/** Receives the rows of a dataset, one at a time. */
@FunctionalInterface
public interface RowHandler {
  void row(DatasetRow row) throws IOException;
}
