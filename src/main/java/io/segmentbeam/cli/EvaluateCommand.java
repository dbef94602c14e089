package io.segmentbeam.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.segmentbeam.api.BatchSegmentJob;
import io.segmentbeam.api.DataLocations;
import io.segmentbeam.api.DescribeBatchSegmentJobRequest;
import io.segmentbeam.dataset.DatasetFiles;
import io.segmentbeam.dataset.ItemCatalog;
import io.segmentbeam.evaluation.GroundTruth;
import io.segmentbeam.evaluation.HeldOutInteractions;
import io.segmentbeam.evaluation.SegmentEvaluator;
import io.segmentbeam.evaluation.SegmentTruth;
import io.segmentbeam.jobs.BatchSegmentJobService;
import io.segmentbeam.query.InvalidQueryException;
import io.segmentbeam.query.ItemAttributeResolver;
import io.segmentbeam.registry.SolutionVersion;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", sortOptions = false,
    description = {"Measures an ACTIVE batch segment job's segments, reading exactly the files the job published. "
        + "Against held-out interactions (--held-out-interactions and --held-out-schema: events the model did not "
        + "train on), a line's relevant users are those with such an event on its items. Against the ground truth "
        + "the sample-data generator wrote (the default), they are the users most drawn to its items. Prints each "
        + "segment's precision and recall (and, against the ground truth, affinity lift) with their means."})
final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--batch-segment-job-arn", paramLabel = "ARN", required = true,
      description = "The job whose output to evaluate.")
  String jobArn;

  @Option(names = "--held-out-interactions", paramLabel = "LOCATION",
      description = "An Interactions dataset's CSV file or folder (local or s3://) of events the model did not "
          + "train on.")
  String heldOutInteractions;

  @Option(names = "--held-out-schema", paramLabel = "LOCATION", description = "Its Avro schema.")
  String heldOutSchema;

  @Option(names = "--ground-truth", paramLabel = "DIR", defaultValue = "sample-data/ground-truth/",
      description = "Without held-out interactions: the folder with user-affinities.jsonl and item-genres.jsonl "
          + "(default: ${DEFAULT-VALUE}).")
  String groundTruth;

  @Option(names = "--relevant-fraction", paramLabel = "F", defaultValue = "0.1",
      description = "With the ground truth, a line's relevant users: this top fraction of all users by true "
          + "affinity (default: ${DEFAULT-VALUE}).")
  double relevantFraction;

  @Option(names = "--per-line", description = "Also print every line's figures.")
  boolean perLine;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() throws IOException {
    if ((heldOutInteractions == null) != (heldOutSchema == null)) {
      throw new IllegalArgumentException("--held-out-interactions and --held-out-schema go together: the events "
          + "and their schema");
    }
    BatchSegmentJobService jobs = service.batchSegmentJobs();
    BatchSegmentJob job = jobs.describe(new DescribeBatchSegmentJobRequest(jobArn));
    List<String> files = jobs.publishedFiles(job, "to evaluate it");
    SolutionVersion version = service.solutionVersionLookup().require(job.solutionVersionArn(),
        "the job's solutionVersionArn", service.scope());
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("batchSegmentJobArn", jobArn);
    SegmentTruth truth;
    if (heldOutInteractions != null) {
      truth = HeldOutInteractions.read(new DatasetFiles(absolute(heldOutInteractions), absolute(heldOutSchema)));
      json.put("heldOutInteractions", heldOutInteractions);
    } else {
      truth = GroundTruth.read(groundTruth, relevantFraction);
      json.put("groundTruth", groundTruth).put("relevantFraction", relevantFraction);
    }
    SegmentEvaluator.Report report = new SegmentEvaluator(truth, queryItems(version.items())).evaluate(files);
    json.put("lines", report.lines())
        .put("errorLines", report.errorLines())
        .put("linesWithoutEvidence", report.linesWithoutEvidence());
    json.set("all", figures(report.all()));
    ObjectNode byKind = json.putObject("byQueryKind");
    report.byQueryKind().forEach((kind, figures) -> byKind.set(kind, figures(figures)));
    if (perLine) {
      json.set("perLine", JsonNodeFactory.instance.pojoNode(report.perLine()));
    }
    spec.commandLine().getOut().println(CliJson.format(json));
    return 0;
  }

  private static String absolute(String location) {
    return DataLocations.isLocal(location) ? DataLocations.absoluteLocal(location) : location;
  }

  private static ObjectNode figures(SegmentEvaluator.Figures figures) {
    ObjectNode json = JsonNodeFactory.instance.objectNode()
        .put("lines", figures.lines())
        .put("meanPrecision", round(figures.meanPrecision()))
        .put("meanRecall", round(figures.meanRecall()));
    if (!Double.isNaN(figures.meanLift())) {
      json.put("meanAffinityLift", round(figures.meanLift()));
    }
    return json;
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }

  private static SegmentEvaluator.QueryItems queryItems(DatasetFiles items) {
    ItemAttributeResolver attributes = items == null ? null : new ItemAttributeResolver(ItemCatalog.shared(items));
    return input -> {
      if (input.has("itemId")) {
        return List.of(input.get("itemId").asText());
      }
      if (attributes == null) {
        throw new IllegalArgumentException("an itemAttributes line, but the solution version has no itemsDataset");
      }
      try {
        return attributes.items(input.path("itemAttributes").asText());
      } catch (InvalidQueryException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    };
  }
}
