package io.segmentbeam.pipeline;

import io.segmentbeam.model.ModelSpec;
import io.segmentbeam.model.ScoringQuery;
import io.segmentbeam.model.SegmentModel;
import io.segmentbeam.model.kernel.Ranked;
import io.segmentbeam.query.InvalidQueryException;
import io.segmentbeam.query.ParsedLine;
import io.segmentbeam.query.QueryParser;
import io.segmentbeam.query.SegmentQuery;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Scoring when the model's users are too many for one worker: they are split into shards (ranges
 * in id order), every valid line goes to every shard, each (shard, batch of lines) yields a partial
 * top per line with scores, and a combiner merges the partial tops of a line into its top
 * {@code numResults}. Ties rank the smaller user id first, as unsharded, so the output is the same.
 * Lines that cannot be served are found once, against shard 0, and answered with an error there.
 */
final class ShardedScoring
    extends PTransform<PCollection<KV<String, KV<Long, String>>>, PCollection<KV<String, KV<Long, String>>>> {
  private static final TupleTag<KV<Integer, KV<KV<String, Long>, String>>> VALID = new TupleTag<>() {};
  private static final TupleTag<KV<String, KV<Long, String>>> ERRORS = new TupleTag<>() {};

  private final QueryResolver resolver;
  private final int numResults;
  private final int shards;
  private final int scoringThreads;
  private final String progressId;

  ShardedScoring(QueryResolver resolver, int numResults, int shards, int scoringThreads, String progressId) {
    this.resolver = resolver;
    this.numResults = numResults;
    this.shards = shards;
    this.scoringThreads = scoringThreads;
    this.progressId = progressId;
  }

  /** One shard's top users for a line, best first, with the line's text to echo. */
  record PartialTop(String text, String[] users, float[] scores) implements Serializable {}

  @Override
  public PCollection<KV<String, KV<Long, String>>> expand(PCollection<KV<String, KV<Long, String>>> lines) {
    KvCoder<String, Long> lineKey = KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
    PCollectionTuple checked = lines.apply("CheckLines",
        ParDo.of(new CheckFn(resolver.withModel(resolver.modelSpec().withUserShard(0, shards)), shards, progressId))
            .withOutputTags(VALID, TupleTagList.of(ERRORS)));
    checked.get(VALID).setCoder(KvCoder.of(VarIntCoder.of(), KvCoder.of(lineKey, StringUtf8Coder.of())));
    checked.get(ERRORS).setCoder(lines.getCoder());
    PCollection<KV<String, KV<Long, String>>> scored = checked.get(VALID)
        .apply("GroupByShard", GroupByKey.create())
        .apply("ScoreShard", ParDo.of(new ShardFn(resolver, numResults, shards, scoringThreads)))
        .setCoder(KvCoder.of(lineKey, SerializableCoder.of(PartialTop.class)))
        .apply("MergeShardTops", Combine.perKey(new MergeTops(numResults)))
        .apply("FormatLines", ParDo.of(new FormatFn(progressId)))
        .setCoder(lines.getCoder());
    return PCollectionList.of(scored).and(checked.get(ERRORS)).apply("AllScoredLines", Flatten.pCollections());
  }

  /** Answers the lines that cannot be served, and sends every other line to every shard. */
  static final class CheckFn extends DoFn<KV<String, KV<Long, String>>, KV<Integer, KV<KV<String, Long>, String>>> {
    private final QueryResolver firstShard;
    private final int shards;
    private final String progressId;
    private final Counter linesFailed = Metrics.counter(SegmentMetrics.NAMESPACE, SegmentMetrics.LINES_FAILED);
    private transient JobProgress progress;

    CheckFn(QueryResolver firstShard, int shards, String progressId) {
      this.firstShard = firstShard;
      this.shards = shards;
      this.progressId = progressId;
    }

    @Setup
    public void setup() {
      firstShard.open();
      progress = JobProgress.of(progressId);
    }

    @ProcessElement
    public void process(@Element KV<String, KV<Long, String>> line, MultiOutputReceiver out) {
      String file = line.getKey();
      long number = line.getValue().getKey();
      ParsedLine parsed = QueryParser.parse(line.getValue().getValue());
      if (parsed instanceof ParsedLine.Rejected rejected) {
        out.get(ERRORS).output(ScoreSegments.failed(linesFailed, progress, file, number, rejected.input(), rejected.error()));
        return;
      }
      SegmentQuery query = ((ParsedLine.Query) parsed).query();
      try {
        firstShard.resolve(query);
      } catch (InvalidQueryException e) {
        out.get(ERRORS).output(ScoreSegments.failed(linesFailed, progress, file, number, query.input(), e.getMessage()));
        return;
      }
      for (int shard = 0; shard < shards; shard++) {
        out.get(VALID).output(KV.of(shard, KV.of(KV.of(file, number), line.getValue().getValue())));
      }
    }
  }

  /** Scores every line sent to one shard against that shard's users, in batches. */
  static final class ShardFn
      extends DoFn<KV<Integer, Iterable<KV<KV<String, Long>, String>>>, KV<KV<String, Long>, PartialTop>> {
    private final QueryResolver resolver;
    private final int numResults;
    private final int shards;
    private final int scoringThreads;
    private final Distribution scoringMillis =
        Metrics.distribution(SegmentMetrics.NAMESPACE, SegmentMetrics.SCORING_MILLIS);
    private final Distribution scoringEndedAt =
        Metrics.distribution(SegmentMetrics.NAMESPACE, SegmentMetrics.SCORING_ENDED_AT);
    private final Counter shardsScored = Metrics.counter(SegmentMetrics.NAMESPACE, SegmentMetrics.USER_SHARDS_SCORED);

    ShardFn(QueryResolver resolver, int numResults, int shards, int scoringThreads) {
      this.resolver = resolver;
      this.numResults = numResults;
      this.shards = shards;
      this.scoringThreads = scoringThreads;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<KV<String, Long>, String>>> shardLines,
        OutputReceiver<KV<KV<String, Long>, PartialTop>> out) {
      ModelSpec shard = resolver.modelSpec().withUserShard(shardLines.getKey(), shards);
      QueryResolver shardResolver = resolver.withModel(shard);
      shardResolver.open();
      List<KV<KV<String, Long>, String>> batch = new ArrayList<>();
      for (KV<KV<String, Long>, String> line : shardLines.getValue()) {
        batch.add(line);
        if (batch.size() == ScoreSegments.BATCH_SIZE) {
          score(shardResolver, batch, out);
        }
      }
      score(shardResolver, batch, out);
      shardsScored.inc();
    }

    private void score(QueryResolver shard, List<KV<KV<String, Long>, String>> batch,
        OutputReceiver<KV<KV<String, Long>, PartialTop>> out) {
      if (batch.isEmpty()) {
        return;
      }
      List<ScoringQuery> queries = new ArrayList<>(batch.size());
      for (KV<KV<String, Long>, String> line : batch) {
        SegmentQuery query = ((ParsedLine.Query) QueryParser.parse(line.getValue())).query();
        try {
          queries.add(shard.resolve(query));
        } catch (InvalidQueryException e) {
          throw new IllegalStateException("a line shard 0 accepted fails on another shard: " + e.getMessage(), e);
        }
      }
      long start = System.currentTimeMillis();
      SegmentModel model = shard.model();
      List<Ranked> ranked = model.rankUsers(queries, numResults, scoringThreads);
      long end = System.currentTimeMillis();
      scoringMillis.update(end - start);
      scoringEndedAt.update(end);
      for (int i = 0; i < batch.size(); i++) {
        int[] users = ranked.get(i).users();
        String[] ids = new String[users.length];
        for (int u = 0; u < users.length; u++) {
          ids[u] = model.userId(users[u]);
        }
        out.output(KV.of(batch.get(i).getKey(), new PartialTop(batch.get(i).getValue(), ids, ranked.get(i).scores())));
      }
      batch.clear();
    }
  }

  /** Merges a line's partial tops: the best {@code numResults} by score, ties by the smaller user id. */
  static final class MergeTops extends Combine.CombineFn<PartialTop, PartialTop, PartialTop> {
    private final int numResults;

    MergeTops(int numResults) {
      this.numResults = numResults;
    }

    @Override
    public PartialTop createAccumulator() {
      return new PartialTop(null, new String[0], new float[0]);
    }

    @Override
    public PartialTop addInput(PartialTop accumulator, PartialTop input) {
      return merge(accumulator, input);
    }

    @Override
    public PartialTop mergeAccumulators(Iterable<PartialTop> accumulators) {
      PartialTop merged = createAccumulator();
      for (PartialTop accumulator : accumulators) {
        merged = merge(merged, accumulator);
      }
      return merged;
    }

    @Override
    public PartialTop extractOutput(PartialTop accumulator) {
      return accumulator;
    }

    private PartialTop merge(PartialTop a, PartialTop b) {
      int total = a.users().length + b.users().length;
      Integer[] order = new Integer[total];
      for (int i = 0; i < total; i++) {
        order[i] = i;
      }
      Comparator<Integer> ranking = (x, y) -> {
        float sx = x < a.users().length ? a.scores()[x] : b.scores()[x - a.users().length];
        float sy = y < a.users().length ? a.scores()[y] : b.scores()[y - a.users().length];
        if (sx != sy) {
          return sx > sy ? -1 : 1;
        }
        return user(a, b, x).compareTo(user(a, b, y));
      };
      Arrays.sort(order, ranking);
      int kept = Math.min(numResults, total);
      String[] users = new String[kept];
      float[] scores = new float[kept];
      for (int i = 0; i < kept; i++) {
        int at = order[i];
        users[i] = user(a, b, at);
        scores[i] = at < a.users().length ? a.scores()[at] : b.scores()[at - a.users().length];
      }
      return new PartialTop(a.text() != null ? a.text() : b.text(), users, scores);
    }

    private static String user(PartialTop a, PartialTop b, int at) {
      return at < a.users().length ? a.users()[at] : b.users()[at - a.users().length];
    }
  }

  /** A line's merged top as its output line. */
  static final class FormatFn extends DoFn<KV<KV<String, Long>, PartialTop>, KV<String, KV<Long, String>>> {
    private final String progressId;
    private final Counter linesScored = Metrics.counter(SegmentMetrics.NAMESPACE, SegmentMetrics.LINES_SCORED);
    private transient JobProgress progress;

    FormatFn(String progressId) {
      this.progressId = progressId;
    }

    @Setup
    public void setup() {
      progress = JobProgress.of(progressId);
    }

    @ProcessElement
    public void process(@Element KV<KV<String, Long>, PartialTop> line, OutputReceiver<KV<String, KV<Long, String>>> out) {
      SegmentQuery query = ((ParsedLine.Query) QueryParser.parse(line.getValue().text())).query();
      linesScored.inc();
      progress.linesDone(1);
      out.output(KV.of(line.getKey().getKey(), KV.of(line.getKey().getValue(),
          OutputLines.users(query.input(), Arrays.asList(line.getValue().users())))));
    }
  }
}
