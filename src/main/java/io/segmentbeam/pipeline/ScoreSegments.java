package io.segmentbeam.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.segmentbeam.dataset.DatasetFiles;
import io.segmentbeam.dataset.ItemCatalog;
import io.segmentbeam.filter.FilterSpec;
import io.segmentbeam.filter.SegmentFilter;
import io.segmentbeam.model.ModelSpec;
import io.segmentbeam.model.ScoringQuery;
import io.segmentbeam.model.SegmentModel;
import io.segmentbeam.model.SegmentModels;
import io.segmentbeam.query.InvalidQueryException;
import io.segmentbeam.query.ItemAttributeResolver;
import io.segmentbeam.query.ParsedLine;
import io.segmentbeam.query.QueryParser;
import io.segmentbeam.query.SegmentQuery;
import io.segmentbeam.api.Recipe;
import java.util.ArrayList;
import java.util.BitSet;
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
 * line yields exactly one output line, with users or with an error.
 */
public final class ScoreSegments
    extends PTransform<PCollection<KV<String, KV<Long, String>>>, PCollection<KV<String, KV<Long, String>>>> {
  /** Queries scored together: enough to reuse each tile of user vectors many times. */
  static final int BATCH_SIZE = 64;

  private final ModelSpec model;
  private final Recipe recipe;
  private final int numResults;
  private final DatasetFiles items;
  private final FilterSpec filter;

  /**
   * @param items the Items dataset {@code itemAttributes} queries are matched against; null for Item-Affinity
   * @param filter the job's filter, or null
   */
  public ScoreSegments(ModelSpec model, Recipe recipe, int numResults, DatasetFiles items, FilterSpec filter) {
    this.model = model;
    this.recipe = recipe;
    this.numResults = numResults;
    this.items = items;
    this.filter = filter;
  }

  @Override
  public PCollection<KV<String, KV<Long, String>>> expand(PCollection<KV<String, KV<Long, String>>> lines) {
    return lines.apply("ScoreBatches", ParDo.of(new ScoreFn(model, recipe, numResults, items, filter)));
  }

  static final class ScoreFn extends DoFn<KV<String, KV<Long, String>>, KV<String, KV<Long, String>>> {
    private final ModelSpec modelSpec;
    private final Recipe recipe;
    private final int numResults;
    private final DatasetFiles items;
    private final FilterSpec filterSpec;
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
    private transient ItemAttributeResolver attributes;
    private transient SegmentFilter filter;
    private transient List<Pending> batch;

    /** A valid query waiting for its batch, with where its output line goes. */
    private record Pending(String file, long line, SegmentQuery query, ScoringQuery scoring, Instant timestamp,
        BoundedWindow window) {}

    ScoreFn(ModelSpec modelSpec, Recipe recipe, int numResults, DatasetFiles items, FilterSpec filterSpec) {
      this.modelSpec = modelSpec;
      this.recipe = recipe;
      this.numResults = numResults;
      this.items = items;
      this.filterSpec = filterSpec;
    }

    @Setup
    public void setup() {
      long start = System.currentTimeMillis();
      setupStartedAt.update(start);
      model = SegmentModels.shared(modelSpec);
      attributes = items == null ? null : new ItemAttributeResolver(ItemCatalog.shared(items));
      filter = filterSpec == null ? null : SegmentFilter.shared(filterSpec, model);
      modelLoadMillis.update(System.currentTimeMillis() - start);
    }

    @StartBundle
    public void startBundle() {
      batch = new ArrayList<>();
    }

    @ProcessElement
    public void process(@Element KV<String, KV<Long, String>> line, @Timestamp Instant timestamp,
        BoundedWindow window, OutputReceiver<KV<String, KV<Long, String>>> out) {
      String file = line.getKey();
      long number = line.getValue().getKey();
      ParsedLine parsed = QueryParser.parse(line.getValue().getValue());
      if (parsed instanceof ParsedLine.Rejected rejected) {
        fail(out, file, number, rejected.input(), rejected.error());
        return;
      }
      SegmentQuery query = ((ParsedLine.Query) parsed).query();
      ScoringQuery scoring;
      try {
        scoring = new ScoringQuery(itemsOf(query), allowedUsers(query));
      } catch (InvalidQueryException e) {
        fail(out, file, number, query.input(), e.getMessage());
        return;
      }
      batch.add(new Pending(file, number, query, scoring, timestamp, window));
      if (batch.size() >= BATCH_SIZE) {
        flush((value, pending) -> out.output(value));
      }
    }

    private void fail(OutputReceiver<KV<String, KV<Long, String>>> out, String file, long number, JsonNode input,
        String error) {
      linesFailed.inc();
      JobProgress.linesDone(1);
      out.output(KV.of(file, KV.of(number, OutputLines.error(input, error))));
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      flush((value, pending) -> context.output(value, pending.timestamp(), pending.window()));
    }

    /** The items a query stands for, all known to the model; or why the model cannot answer it. */
    private List<String> itemsOf(SegmentQuery query) throws InvalidQueryException {
      if (recipe == Recipe.ITEM_AFFINITY && !query.isItemAffinity()) {
        throw new InvalidQueryException("\"itemAttributes\" queries need an Item-Attribute-Affinity solution "
            + "version; this one uses " + recipe.arn() + ", which takes \"itemId\" lines");
      }
      if (recipe == Recipe.ITEM_ATTRIBUTE_AFFINITY && query.isItemAffinity()) {
        throw new InvalidQueryException("\"itemId\" queries need an Item-Affinity solution version; this one uses "
            + recipe.arn() + ", which takes \"itemAttributes\" lines");
      }
      if (query.isItemAffinity()) {
        if (!model.hasItem(query.itemId())) {
          throw new InvalidQueryException("Item \"" + query.itemId() + "\" is not in the solution version's model");
        }
        return List.of(query.itemId());
      }
      List<String> matching = attributes.items(query.itemAttributes());
      List<String> known = matching.stream().filter(model::hasItem).toList();
      if (known.isEmpty()) {
        throw new InvalidQueryException("None of the " + matching.size() + " items matching " + query.itemAttributes()
            + " has interactions the solution version's model learned from");
      }
      return known;
    }

    /**
     * The users the job's filter lets through for this line, or null when there is no filter (a
     * line's filterValues then mean nothing, and are only echoed).
     */
    private BitSet allowedUsers(SegmentQuery query) throws InvalidQueryException {
      return filter == null ? null : filter.allowedUsers(query.filterValues());
    }

    private interface Emitter {
      void emit(KV<String, KV<Long, String>> value, Pending pending);
    }

    private void flush(Emitter emitter) {
      if (batch.isEmpty()) {
        return;
      }
      long start = System.currentTimeMillis();
      List<int[]> ranked = model.topUsers(batch.stream().map(Pending::scoring).toList(), numResults);
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
      JobProgress.linesDone(batch.size());
      batchSize.update(batch.size());
      batch.clear();
    }
  }
}
