package io.segmentbeam.dataset.transfer;

import io.segmentbeam.dataset.DatasetSchema;
import io.segmentbeam.dataset.RecordOrigin;
import io.segmentbeam.storage.JobStorage;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;


/**
 * The pipeline of a dataset export job: a dataset's current records of the chosen origins,
 * written as dataset CSV files with the header row ({@code <folder><stem>-NNNNN.csv}) through the job's own
 * storage, under its KMS key. A
 * dataset with no such records gets one file holding only the header.
 */
public final class DatasetExport {
  private DatasetExport() {}

  /**
   * @param records the pattern of the files holding the records, or null for a dataset without any
   * @param originOfAll the origin of every record, or null to take each file's from its name
   * @param folder the folder the files go in, which must be there, e.g. the job's staging folder
   * @param stem the files' names before {@code -NNNNN.csv}, e.g. {@code job/part}
   */
  public static PipelineResult.State run(JobStorage storage, DatasetSchema schema, String records,
      RecordOrigin originOfAll, Set<RecordOrigin> origins, String folder, String stem) {
    Pipeline pipeline = Pipeline.create(storage.options());
    PCollection<List<StoredRow>> rows = records == null
        ? pipeline.apply("NoRecords", Create.empty(StoredRow.BATCH_CODER))
        : DatasetUpdate.read(pipeline, "Stored", records, schema, originOfAll, 0).get(ReadStoredRows.ROWS);
    RowBatches.writeCsv(RowBatches.ofOrigins(rows, "ChosenOrigins", origins), "Export", schema, storage, folder,
        stem);
    return pipeline.run().waitUntilFinish();
  }
}
