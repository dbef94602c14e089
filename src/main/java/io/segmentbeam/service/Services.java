package io.segmentbeam.service;

import io.segmentbeam.jobs.BatchSegmentJobService;
import io.segmentbeam.jobs.DatasetExportJobService;
import io.segmentbeam.jobs.DatasetImportJobService;
import io.segmentbeam.jobs.DatasetService;
import io.segmentbeam.jobs.FilterService;
import io.segmentbeam.jobs.PutRecordsService;
import io.segmentbeam.jobs.SolutionService;
import io.segmentbeam.jobs.TagService;
import java.util.function.Supplier;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The operations behind the endpoint: the same services the command line calls, on the same store.
 *
 * @param scoringOptions fresh pipeline options for each job that scores (batch segment jobs)
 * @param datasetOptions fresh pipeline options for each dataset pipeline (imports, exports, puts)
 */
public record Services(BatchSegmentJobService batchSegmentJobs, FilterService filters, DatasetService datasets,
    DatasetImportJobService datasetImportJobs, DatasetExportJobService datasetExportJobs, PutRecordsService putRecords,
    TagService tags, SolutionService solutions,
    Supplier<PipelineOptions> scoringOptions, Supplier<PipelineOptions> datasetOptions) {}
