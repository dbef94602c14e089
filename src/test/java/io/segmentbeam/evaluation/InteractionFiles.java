package io.segmentbeam.evaluation;

import io.segmentbeam.dataset.DatasetFiles;
import io.segmentbeam.interactions.EventWeighting;
import io.segmentbeam.interactions.InteractionEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes an Interactions dataset (USER_ID, ITEM_ID, EVENT_TYPE, TIMESTAMP) and reads it back as events. */
final class InteractionFiles {
  private InteractionFiles() {}

  /** {@code rows} are CSV lines {@code user,item,type,timestamp}, without the header. */
  static InteractionEvents events(Path folder, String rows) throws IOException {
    Files.writeString(folder.resolve("interactions-schema.json"), """
        {"type": "record", "name": "Interactions", "namespace": "com.amazonaws.personalize.schema",
         "fields": [{"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"},
                    {"name": "EVENT_TYPE", "type": "string"}, {"name": "TIMESTAMP", "type": "long"}],
         "version": "1.0"}
        """);
    Files.writeString(folder.resolve("interactions.csv"), "USER_ID,ITEM_ID,EVENT_TYPE,TIMESTAMP\n" + rows);
    return InteractionEvents.read(new DatasetFiles(folder.resolve("interactions.csv").toString(),
        folder.resolve("interactions-schema.json").toString()), EventWeighting.ALL_EQUAL);
  }
}
