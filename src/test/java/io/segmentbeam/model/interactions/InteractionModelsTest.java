package io.segmentbeam.model.interactions;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.segmentbeam.model.ModelSpec;
import io.segmentbeam.model.ScoringQuery;
import io.segmentbeam.model.SegmentModel;
import io.segmentbeam.model.SegmentModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The models computed from interactions, on a dataset small enough to score by hand. Items a and b
 * share users u1 and u2; b and c share u3; d is u5's alone. Binary cosine similarities: a-b 2/sqrt(6),
 * b-c 1/sqrt(6), a-c 0.
 */
class InteractionModelsTest {
  @TempDir Path folder;
  private Map<String, String> settings;

  @BeforeEach
  void writeDataset() throws IOException {
    Files.writeString(folder.resolve("interactions-schema.json"), """
        {"type": "record", "name": "Interactions", "namespace": "com.amazonaws.personalize.schema",
         "fields": [{"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"},
                    {"name": "EVENT_TYPE", "type": "string"}, {"name": "TIMESTAMP", "type": "long"}],
         "version": "1.0"}
        """);
    Files.writeString(folder.resolve("interactions.csv"), """
        USER_ID,ITEM_ID,EVENT_TYPE,TIMESTAMP
        u1,a,click,1
        u1,b,click,2
        u2,a,click,3
        u2,b,purchase,4
        u3,b,click,5
        u3,c,click,6
        u4,c,click,7
        u5,d,click,8
        u5,d,click,9
        u5,d,click,10
        """);
    settings = Map.of("interactions", "interactions.csv", "interactionsSchema", "interactions-schema.json",
        "eventWeights", "click=1,purchase=4");
  }

  @Test
  void cooccurrenceRanksUsersByTheirHistorysWeightedSimilarityToTheItem() throws IOException {
    SegmentModel model = load("item-cooccurrence");
    // a: u2 1 + 4 * 0.816 = 4.27, u1 1 + 0.816 = 1.82, u3 0.816, u4 and u5 0.
    // c: u2 4 * 0.408 = 1.63, u3 0.408 + 1 = 1.41, u4 1, u1 0.408.
    assertThat(top(model, List.of("a"), 5), contains("u2", "u1", "u3", "u4", "u5"));
    assertThat(top(model, List.of("c"), 4), contains("u2", "u3", "u4", "u1"));
    assertThat(top(model, List.of("d"), 1), contains("u5"));
  }

  @Test
  void aSetOfItemsScoresByTheMeanSimilarityToThem() throws IOException {
    // {a, d}: u2 (1 + 4 * 0.816) / 2 = 2.13; u5's three events on d, 3 * (0 + 1) / 2 = 1.5;
    // u1 (1 + 0.816) / 2 = 0.908.
    assertThat(top(load("item-cooccurrence"), List.of("a", "d"), 3), contains("u2", "u5", "u1"));
  }

  @Test
  void popularityRanksTheMostActiveUsersWhateverTheItem() throws IOException {
    SegmentModel model = load("popularity");
    // Weights: u2 1 + 4, u5 3, u1 2, u3 2, u4 1.
    assertThat(top(model, List.of("a"), 5), contains("u2", "u5", "u1", "u3", "u4"));
    assertThat(top(model, List.of("c"), 5), equalTo(top(model, List.of("a"), 5)));
  }

  @Test
  void theModelsKnowTheDatasetsItemsOnly() throws IOException {
    for (String type : new String[] {"item-cooccurrence", "popularity"}) {
      SegmentModel model = load(type);
      assertThat(type, List.of(model.hasItem("a"), model.hasItem("d"), model.hasItem("e"), model.userCount()),
          contains(true, true, false, 5));
    }
  }

  private SegmentModel load(String type) throws IOException {
    return SegmentModels.provider(type).load(new ModelSpec(type, folder.toString(), settings));
  }

  private static List<String> top(SegmentModel model, List<String> items, int numResults) {
    List<String> users = new ArrayList<>();
    for (int index : model.topUsers(List.of(new ScoringQuery(items, null)), numResults, 1).get(0)) {
      users.add(model.userId(index));
    }
    return users;
  }
}
