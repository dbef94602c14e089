package io.segmentbeam.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.segmentbeam.api.Recipe;
import io.segmentbeam.dataset.DatasetFiles;
import io.segmentbeam.filter.FilterSpec;
import io.segmentbeam.model.ModelSpec;
import io.segmentbeam.model.ScoringQuery;
import io.segmentbeam.model.SegmentModel;
import io.segmentbeam.model.kernel.ScoringKernel;
import io.segmentbeam.query.InvalidQueryException;
import io.segmentbeam.query.ParsedLine;
import io.segmentbeam.query.QueryParser;
import io.segmentbeam.query.SegmentQuery;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Instant;

/**
 * Turns each numbered input line into its output line: parses the query, and scores valid
 * queries in batches against the model, keeping the top {@code numResults} users. Every input
 * line yields exactly one output line, with users or with an error. When the model's users are
 * split into shards ({@code userShards > 1}), {@link ShardedScoring} does the scoring.
 */
public final class ScoreSegments
    extends PTransform<PCollection<KV<String, KV<Long, String>>>, PCollection<KV<String, KV<Long, String>>>> {
  /** Queries scored together: enough to reuse each tile of user vectors many times. */
  public static final int BATCH_SIZE = 64;

  private final QueryResolver resolver;
  private final int numResults;
  private final int userShards;
  private final int scoringThreads;
  private final String progressId;

  /**
   * @param items the Items dataset {@code itemAttributes} queries are matched against; null for Item-Affinity
   * @param filter the job's filter, or null
   * @param userShards how many shards the model's users are split into; 1 for none
   * @param scoringThreads threads each instance scores a batch with, or {@link ScoringKernel#EVERY_CORE}
   * @param progressId the id the run's progress is counted under
   */
  public ScoreSegments(ModelSpec model, Recipe recipe, int numResults, DatasetFiles items, FilterSpec filter,
      int userShards, int scoringThreads, String progressId) {
    this.resolver = new QueryResolver(model, recipe, items, filter);
    this.numResults = numResults;
    this.userShards = userShards;
    this.scoringThreads = scoringThreads;
    this.progressId = progressId;
  }

  @Override
  public PCollection<KV<String, KV<Long, String>>> expand(PCollection<KV<String, KV<Long, String>>> lines) {
    if (userShards > 1) {
      return lines.apply("ScoreUserShards",
          new ShardedScoring(resolver, numResults, userShards, scoringThreads, progressId));
    }
    return lines.apply("ScoreBatches", ParDo.of(new ScoreFn(resolver, numResults, scoringThreads, progressId)));
  }

  /** The error output line of an input line, counted as failed. */
  static KV<String, KV<Long, String>> failed(Counter linesFailed, JobProgress progress, String file, long number, JsonNode input,
      String error) {
    linesFailed.inc();
    progress.linesDone(1);
    return KV.of(file, KV.of(number, OutputLines.error(input, error)));
  }

  static final class ScoreFn extends DoFn<KV<String, KV<Long, String>>, KV<String, KV<Long, String>>> {
    private final QueryResolver resolver;
    private final int numResults;
    private final int scoringThreads;
    private final String progressId;
    private final Counter linesScored = Metrics.counter(SegmentMetrics.NAMESPACE, SegmentMetrics.LINES_SCORED);
    private final Counter linesFailed = Metrics.counter(SegmentMetrics.NAMESPACE, SegmentMetrics.LINES_FAILED);
    private final Distribution modelLoadMillis =
        Metrics.distribution(SegmentMetrics.NAMESPACE, SegmentMetrics.MODEL_LOAD_MILLIS);
    private final Distribution batchSize = Metrics.distribution(SegmentMetrics.NAMESPACE, SegmentMetrics.BATCH_SIZE);
    private final Distribution scoringMillis =
        Metrics.distribution(SegmentMetrics.NAMESPACE, SegmentMetrics.SCORING_MILLIS);
    private final Distribution setupStartedAt =
        Metrics.distribution(SegmentMetrics.NAMESPACE, SegmentMetrics.SETUP_STARTED_AT);
    private final Distribution scoringEndedAt =
        Metrics.distribution(SegmentMetrics.NAMESPACE, SegmentMetrics.SCORING_ENDED_AT);

    private transient SegmentModel model;
    private transient JobProgress progress;
    private transient List<Pending> batch;
    /** When setup began and how long loading took, reported from the first bundle. */
    private transient long setupStart;
    private transient long setupMillis;
    private transient boolean setupReported;

    /** A valid query waiting for its batch, with where its output line goes. */
    private record Pending(String file, long line, SegmentQuery query, ScoringQuery scoring, Instant timestamp,
        BoundedWindow window) {}

    ScoreFn(QueryResolver resolver, int numResults, int scoringThreads, String progressId) {
      this.resolver = resolver;
      this.numResults = numResults;
      this.scoringThreads = scoringThreads;
      this.progressId = progressId;
    }

    @Setup
    public void setup() {
      setupStart = System.currentTimeMillis();
      progress = JobProgress.of(progressId);
      resolver.open();
      model = resolver.model();
      setupMillis = System.currentTimeMillis() - setupStart;
    }

    @StartBundle
    public void startBundle() {
      batch = new ArrayList<>();
      // Metrics can be updated only while the runner has a bundle in hand, not in @Setup.
      if (!setupReported) {
        setupStartedAt.update(setupStart);
        modelLoadMillis.update(setupMillis);
        setupReported = true;
      }
    }

    @ProcessElement
    public void process(@Element KV<String, KV<Long, String>> line, @Timestamp Instant timestamp,
        BoundedWindow window, OutputReceiver<KV<String, KV<Long, String>>> out) {
      String file = line.getKey();
      long number = line.getValue().getKey();
      ParsedLine parsed = QueryParser.parse(line.getValue().getValue());
      if (parsed instanceof ParsedLine.Rejected rejected) {
        out.output(failed(linesFailed, progress, file, number, rejected.input(), rejected.error()));
        return;
      }
      SegmentQuery query = ((ParsedLine.Query) parsed).query();
      try {
        batch.add(new Pending(file, number, query, resolver.resolve(query), timestamp, window));
      } catch (InvalidQueryException e) {
        out.output(failed(linesFailed, progress, file, number, query.input(), e.getMessage()));
        return;
      }
      if (batch.size() >= BATCH_SIZE) {
        flush((value, pending) -> out.output(value));
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      flush((value, pending) -> context.output(value, pending.timestamp(), pending.window()));
    }

    private interface Emitter {
      void emit(KV<String, KV<Long, String>> value, Pending pending);
    }

    private void flush(Emitter emitter) {
      if (batch.isEmpty()) {
        return;
      }
      long start = System.currentTimeMillis();
      List<int[]> ranked = model.topUsers(batch.stream().map(Pending::scoring).toList(), numResults,
          scoringThreads);
      long end = System.currentTimeMillis();
      scoringMillis.update(end - start);
      scoringEndedAt.update(end);
      for (int i = 0; i < batch.size(); i++) {
        Pending pending = batch.get(i);
        List<String> users = new ArrayList<>(ranked.get(i).length);
        for (int index : ranked.get(i)) {
          users.add(model.userId(index));
        }
        emitter.emit(KV.of(pending.file(), KV.of(pending.line(), OutputLines.users(pending.query().input(), users))),
            pending);
      }
      linesScored.inc(batch.size());
      progress.linesDone(batch.size());
      batchSize.update(batch.size());
      batch.clear();
    }
  }
}
