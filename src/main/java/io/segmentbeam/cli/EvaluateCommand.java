package io.segmentbeam.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.segmentbeam.api.BatchSegmentJob;
import io.segmentbeam.api.DataLocations;
import io.segmentbeam.api.DescribeBatchSegmentJobRequest;
import io.segmentbeam.dataset.DatasetFiles;
import io.segmentbeam.dataset.ItemCatalog;
import io.segmentbeam.evaluation.GroundTruth;
import io.segmentbeam.evaluation.SegmentEvaluator;
import io.segmentbeam.query.InvalidQueryException;
import io.segmentbeam.query.ItemAttributeResolver;
import io.segmentbeam.registry.SolutionVersion;
import io.segmentbeam.registry.SolutionVersionRegistry;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", sortOptions = false,
    description = {"Measures a batch segment job's segments against the ground truth the sample-data generator "
        + "wrote: precision and recall of each segment against the users most drawn to the line's items, and the "
        + "segment's mean true affinity over the population's (affinity lift), with their means over lines."})
final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--batch-segment-job-arn", paramLabel = "ARN", required = true,
      description = "The job whose output to evaluate.")
  String jobArn;

  @Option(names = "--ground-truth", paramLabel = "DIR", defaultValue = "sample-data/ground-truth/",
      description = "Folder with user-affinities.jsonl and item-genres.jsonl (default: ${DEFAULT-VALUE}).")
  String groundTruth;

  @Option(names = "--relevant-fraction", paramLabel = "F", defaultValue = "0.1",
      description = "A line's relevant users: this top fraction of all users by true affinity (default: ${DEFAULT-VALUE}).")
  double relevantFraction;

  @Option(names = "--per-line", description = "Also print every line's figures.")
  boolean perLine;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() throws IOException {
    BatchSegmentJob job = service.batchSegmentJobs().describe(new DescribeBatchSegmentJobRequest(jobArn));
    SolutionVersion version = SolutionVersionRegistry.load(service.solutionVersions).find(job.solutionVersionArn())
        .orElseThrow(() -> new IllegalArgumentException("the job's solution version " + job.solutionVersionArn()
            + " is not declared in " + service.solutionVersions));
    String output = job.jobOutput().s3DataDestination().path();
    String folder = DataLocations.isLocal(output) ? DataLocations.absoluteLocal(output) : output;
    SegmentEvaluator.Report report = new SegmentEvaluator(GroundTruth.read(groundTruth), queryItems(version.items()),
        relevantFraction).evaluate(folder);
    ObjectNode json = JsonNodeFactory.instance.objectNode()
        .put("batchSegmentJobArn", jobArn)
        .put("lines", report.lines())
        .put("errorLines", report.errorLines())
        .put("relevantFraction", report.relevantFraction());
    json.set("all", figures(report.all()));
    ObjectNode byKind = json.putObject("byQueryKind");
    report.byQueryKind().forEach((kind, figures) -> byKind.set(kind, figures(figures)));
    if (perLine) {
      json.set("perLine", JsonNodeFactory.instance.pojoNode(report.perLine()));
    }
    spec.commandLine().getOut().println(CliJson.format(json));
    return 0;
  }

  private static ObjectNode figures(SegmentEvaluator.Figures figures) {
    return JsonNodeFactory.instance.objectNode()
        .put("lines", figures.lines())
        .put("meanPrecision", round(figures.meanPrecision()))
        .put("meanRecall", round(figures.meanRecall()))
        .put("meanAffinityLift", round(figures.meanAffinityLift()));
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
