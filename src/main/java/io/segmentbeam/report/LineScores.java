package io.segmentbeam.report;

import io.segmentbeam.dataset.ItemCatalog;
import io.segmentbeam.filter.FilterSpec;
import io.segmentbeam.model.ScoringQuery;
import io.segmentbeam.model.SegmentModel;
import io.segmentbeam.model.SegmentModels;
import io.segmentbeam.model.kernel.Ranked;
import io.segmentbeam.model.kernel.ScoringKernel;
import io.segmentbeam.pipeline.QueryResolver;
import io.segmentbeam.pipeline.ScoreSegments;
import io.segmentbeam.query.InvalidQueryException;
import io.segmentbeam.query.ParsedLine;
import io.segmentbeam.query.QueryParser;
import io.segmentbeam.registry.SolutionVersion;
import io.segmentbeam.sharing.JobShared;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the model and the filter say of each served line, found by resolving and scoring its query
 * again as the job did (the output keeps no scores): how many of the model's users the filter kept
 * out, and the range of the segment's scores where the model gives scores.
 *
 * @param modelUsers users the model scores
 * @param filterLeftOut of those, the users the filter kept out of the line's segment; -1 without a filter
 * @param lowScore the segment's lowest score; NaN where there is none
 * @param highScore the segment's highest score; NaN where there is none
 * @param note why a figure is missing, or null
 */
record LineScores(int modelUsers, long filterLeftOut, double lowScore, double highScore, String note) {

  /** For each served line, in order; {@code filter} is the job's, or null. */
  static List<LineScores> of(List<SegmentLine> served, SolutionVersion version, FilterSpec filter, int numResults) {
    try (JobShared.Hold model = SegmentModels.hold(version.model());
        JobShared.Hold items = version.items() == null ? () -> { } : ItemCatalog.hold(version.items())) {
      QueryResolver resolver = new QueryResolver(version.model(), version.recipe(), version.items(), filter);
      resolver.open();
      return score(served, resolver, filter != null, numResults);
    }
  }

  private static List<LineScores> score(List<SegmentLine> served, QueryResolver resolver, boolean filtered,
      int numResults) {
    SegmentModel model = resolver.model();
    LineScores[] scores = new LineScores[served.size()];
    List<ScoringQuery> queries = new ArrayList<>();
    List<Integer> queried = new ArrayList<>();
    for (int i = 0; i < served.size(); i++) {
      ParsedLine parsed = QueryParser.parse(served.get(i).input());
      if (!(parsed instanceof ParsedLine.Query query)) {
        scores[i] = none(model, "the line no longer reads as a query");
        continue;
      }
      try {
        ScoringQuery scoring = resolver.resolve(query.query());
        long leftOut = filtered ? model.userCount() - scoring.allowedUsers().cardinality() : -1;
        scores[i] = new LineScores(model.userCount(), leftOut, Double.NaN, Double.NaN,
            model.givesScores() ? null : "this model ranks users without scores");
        queries.add(scoring);
        queried.add(i);
      } catch (InvalidQueryException e) {
        scores[i] = none(model, "the model no longer answers the line: " + e.getMessage());
      }
    }
    if (model.givesScores()) {
      // In the job's batches: the kernel keeps a top list per query and thread, too many for every line at once.
      for (int from = 0; from < queries.size(); from += ScoreSegments.BATCH_SIZE) {
        int to = Math.min(queries.size(), from + ScoreSegments.BATCH_SIZE);
        List<Ranked> ranked = model.rankUsers(queries.subList(from, to), numResults, ScoringKernel.EVERY_CORE);
        for (int k = from; k < to; k++) {
          int line = queried.get(k);
          scores[line] = scores[line].withRange(ranked.get(k - from), served.get(line).users(), model);
        }
      }
    }
    return Arrays.asList(scores);
  }

  private static LineScores none(SegmentModel model, String note) {
    return new LineScores(model.userCount(), -1, Double.NaN, Double.NaN, note);
  }

  /** The range of the ranking's scores, if it ranks the segment's users as the job did. */
  private LineScores withRange(Ranked ranked, List<String> segment, SegmentModel model) {
    List<String> users = Arrays.stream(ranked.users()).mapToObj(model::userId).toList();
    if (!users.equals(segment)) {
      return new LineScores(modelUsers, filterLeftOut, Double.NaN, Double.NaN,
          "the model or the filter's data changed since the job: it now ranks other users for this line");
    }
    double low = Double.NaN;
    double high = Double.NaN;
    for (float score : ranked.scores()) {
      low = Double.isNaN(low) ? score : Math.min(low, score);
      high = Double.isNaN(high) ? score : Math.max(high, score);
    }
    return new LineScores(modelUsers, filterLeftOut, low, high, null);
  }
}
