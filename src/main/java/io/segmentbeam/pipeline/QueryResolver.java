package io.segmentbeam.pipeline;

import io.segmentbeam.api.Recipe;
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
import io.segmentbeam.query.SegmentQuery;
import java.io.Serializable;
import java.util.BitSet;
import java.util.List;

/**
 * Turns a valid input line into what a model scores: the items it stands for (all known to the
 * model) and the users the job's filter lets through; or says why the line cannot be served.
 * Carried to workers as settings; {@link #open} loads the model, items and filter there. A job's
 * report resolves its lines again with it, to score them as the job did.
 */
public final class QueryResolver implements Serializable {
  private final ModelSpec modelSpec;
  private final Recipe recipe;
  private final DatasetFiles items;
  private final FilterSpec filterSpec;

  private transient SegmentModel model;
  private transient ItemAttributeResolver attributes;
  private transient SegmentFilter filter;

  /**
   * @param items the Items dataset {@code itemAttributes} queries are matched against; null for Item-Affinity
   * @param filterSpec the job's filter, or null
   */
  public QueryResolver(ModelSpec modelSpec, Recipe recipe, DatasetFiles items, FilterSpec filterSpec) {
    this.modelSpec = modelSpec;
    this.recipe = recipe;
    this.items = items;
    this.filterSpec = filterSpec;
  }

  /** The same resolver over another model (a shard of this one's users). */
  QueryResolver withModel(ModelSpec other) {
    return new QueryResolver(other, recipe, items, filterSpec);
  }

  ModelSpec modelSpec() {
    return modelSpec;
  }

  public void open() {
    model = SegmentModels.shared(modelSpec);
    attributes = items == null ? null : new ItemAttributeResolver(ItemCatalog.shared(items));
    filter = filterSpec == null ? null : SegmentFilter.shared(filterSpec, model);
  }

  public SegmentModel model() {
    return model;
  }

  public ScoringQuery resolve(SegmentQuery query) throws InvalidQueryException {
    return new ScoringQuery(itemsOf(query), allowedUsers(query));
  }

  /** The items a query stands for, all known to the model; or why the model cannot answer it. */
  private List<String> itemsOf(SegmentQuery query) throws InvalidQueryException {
    if (!recipe.answersAttributes() && !query.isItemAffinity()) {
      throw new InvalidQueryException("\"itemAttributes\" queries need an Item-Attribute-Affinity solution "
          + "version; this one uses " + recipe.arn() + ", which takes \"itemId\" lines");
    }
    if (recipe.answersAttributes() && query.isItemAffinity()) {
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
}
