package io.segmentbeam.training;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.segmentbeam.api.ApiJson;
import io.segmentbeam.api.TrainSolutionVersionRequest;
import io.segmentbeam.api.DataLocations;
import io.segmentbeam.api.DatasetLocation;
import io.segmentbeam.api.InvalidInputException;
import io.segmentbeam.api.Recipe;
import io.segmentbeam.api.SolutionConfig;
import io.segmentbeam.dataset.DatasetFiles;
import io.segmentbeam.dataset.DatasetReader;
import io.segmentbeam.dataset.DatasetSchema;
import io.segmentbeam.dataset.DatasetType;
import io.segmentbeam.interactions.EventWeighting;
import io.segmentbeam.interactions.InteractionData;
import io.segmentbeam.interactions.InteractionEvents;
import io.segmentbeam.model.factors.FactorFiles;
import io.segmentbeam.storage.ListedFile;
import io.segmentbeam.storage.Listing;
import io.segmentbeam.store.ArnScope;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.io.FileSystems;

/**
 * Trains a solution version from a TrainSolutionVersionRequest and registers it, so that a batch
 * segment job can name its ARN. ALS writes a latent-factor model; item co-occurrence and
 * popularity are computed from the Interactions dataset when a job loads them, so their
 * declaration points at the dataset.
 *
 * <p>Training is deterministic, so the version id is a digest of the request and the datasets'
 * bytes: training the same thing again gives the same ARN and the same files.
 */
public final class SolutionVersionTrainer {
  private final String home;
  private final ArnScope scope;
  private final Path registry;
  private final int threads;
  private final PrintWriter progress;

  /**
   * @param home the store's folder or s3:// prefix, under which models are written by default
   * @param registry the solution-versions folder the declaration is written to
   * @param progress where progress and loss per iteration are reported
   */
  public SolutionVersionTrainer(String home, ArnScope scope, Path registry, int threads, PrintWriter progress) {
    this.home = home;
    this.scope = scope;
    this.registry = registry;
    this.threads = threads;
    this.progress = progress;
  }

  /**
   * What a training made.
   *
   * @param solutionVersionArn the version registered
   * @param tunedHyperParameters what hyperparameter optimization chose, or null without performHPO
   */
  public record Trained(String solutionVersionArn, Map<String, String> tunedHyperParameters) {}

  /** Trains and registers under a version id digested from the request and the data; returns the ARN. */
  public String create(TrainSolutionVersionRequest request) throws IOException {
    request.validate();
    DatasetFiles interactions = files(request.datasets().interactions());
    DatasetFiles items = request.datasets().items() == null ? null : files(request.datasets().items());
    return train(request, versionId(request, interactions, items)).solutionVersionArn();
  }

  /**
   * Trains and registers under a version id the caller chose (AWS's flow answers with the ARN
   * before training starts); returns the solution version ARN.
   */
  public Trained train(TrainSolutionVersionRequest request, String versionId) throws IOException {
    request.validate();
    SolutionConfig config = request.solutionConfig();
    Map<String, String> hyperParameters = Recipe.fromArn(request.recipeArn()).orElseThrow()
        .hyperParameters(config == null ? null : config.algorithmHyperParameters());
    TrainingSettings settings = TrainingSettings.from(hyperParameters);
    HyperParameterSearch search = Boolean.TRUE.equals(request.performHPO())
        ? new HyperParameterSearch(hyperParameters, config == null ? null : config.hpoConfig()) : null;
    DatasetFiles interactions = files(request.datasets().interactions());
    DatasetFiles items = request.datasets().items() == null ? null : files(request.datasets().items());
    EventWeighting weighting = weighting(request, settings);

    String arn = scope.arn("solution", request.name()) + "/" + versionId;
    Path declarationFile = registry.resolve(request.name() + "-" + versionId + ".json");
    long start = System.nanoTime();
    InteractionEvents events = readInteractions(interactions, weighting);
    if (items != null) {
      checkItems(items);
    }
    long measuring = System.nanoTime();
    HeldOutFigures measured = measure(events, settings, search);
    Map<String, Double> metrics = measured.metrics();
    if (measured.tuned() != null) {
      settings = TrainingSettings.from(measured.tuned());
    }
    progress.printf(Locale.ROOT, "held-out metrics: precision_at_25 %.4f (popularity baseline %.4f), "
        + "recall_at_100 %.4f (%.4f) on %.0f items (%.1f s)%n", metrics.get("precision_at_25"),
        metrics.get(SolutionMetrics.BASELINE + "precision_at_25"), metrics.get("recall_at_100"),
        metrics.get(SolutionMetrics.BASELINE + "recall_at_100"), metrics.get("test_items"), seconds(measuring));
    // The model's type follows the settings trained with, which hyperparameter optimization may have changed.
    ObjectNode model = JsonNodeFactory.instance.objectNode().put("type", providerType(settings.model()));
    InteractionData data = events.toData();
    progress.printf(Locale.ROOT, "training on all %,d events: %,d users, %,d items, %,d distinct pairs%n",
        data.events(), data.userIds().length, data.itemIds().length, data.matrix().nonZeros());
    if (settings.model().equals("als")) {
      String modelFolder = modelFolder(request, versionId);
      trainAls(data, settings, modelFolder);
      model.put("userFactors", relative(modelFolder + "user-factors.jsonl"));
      model.put("itemFactors", relative(modelFolder + "item-factors.jsonl"));
    } else {
      model.put("interactions", relative(interactions.dataLocation()));
      model.put("interactionsSchema", relative(interactions.schemaLocation()));
      weighting.toSettings().forEach(model::put);
    }
    ObjectNode declaration = JsonNodeFactory.instance.objectNode()
        .put("solutionVersionArn", arn)
        .put("recipeArn", request.recipeArn());
    declaration.set("model", model);
    metrics.forEach(declaration.putObject("metrics")::put);
    if (items != null) {
      declaration.putObject("itemsDataset")
          .put("dataLocation", relative(items.dataLocation()))
          .put("schemaLocation", relative(items.schemaLocation()));
    }
    Files.createDirectories(registry);
    Files.writeString(declarationFile,
        ApiJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(declaration) + "\n");
    progress.printf(Locale.ROOT, "registered %s in %s (%.1f s in all)%n", arn, declarationFile, seconds(start));
    return new Trained(arn, measured.tuned());
  }

  /**
   * The held-out figures of the model trained as {@code settings} say, or of the best candidate
   * {@code search} finds (then with its hyperparameters, else null). The split is made here, once,
   * and is garbage before the final model trains on all events.
   */
  private HeldOutFigures measure(InteractionEvents events, TrainingSettings settings, HyperParameterSearch search) {
    SolutionMetrics heldOut = SolutionMetrics.of(events);
    if (search == null) {
      return new HeldOutFigures(heldOut.measure(settings, threads, (iteration, iterations, loss, millis) -> { }),
          null);
    }
    HyperParameterSearch.Best best = search.search(heldOut, threads, progress);
    return new HeldOutFigures(best.metrics(), best.hyperParameters());
  }

  private record HeldOutFigures(Map<String, Double> metrics, Map<String, String> tuned) {}

  private static String providerType(String model) {
    return model.equals("als") ? "latent-factors" : model;
  }

  private void trainAls(InteractionData data, TrainingSettings settings, String modelFolder) throws IOException {
    ImplicitAls als = new ImplicitAls(settings.als(threads));
    ImplicitAls.Factors factors = als.train(data.matrix(), (iteration, iterations, loss, millis) ->
        progress.printf(Locale.ROOT, "iteration %d/%d: loss %.6f (%.1f s)%n", iteration, iterations, loss,
            millis / 1000.0));
    FactorFiles.write(modelFolder + "user-factors.jsonl", data.userIds(), factors.users(), factors.factors());
    FactorFiles.write(modelFolder + "item-factors.jsonl", data.itemIds(), factors.items(), factors.factors());
  }

  private InteractionEvents readInteractions(DatasetFiles interactions, EventWeighting weighting)
      throws IOException {
    long start = System.nanoTime();
    InteractionEvents events = dataset("datasets.interactions", () -> InteractionEvents.read(interactions, weighting));
    progress.printf(Locale.ROOT, "read %,d events: %,d users, %,d items (%.1f s)%n", events.size(),
        events.userIds().length, events.itemIds().length, seconds(start));
    if (events.size() == 0) {
      throw new InvalidInputException("datasets.interactions: no event counts for training (check eventType and "
          + "solutionConfig.eventValueThreshold)");
    }
    return events;
  }

  private static void checkItems(DatasetFiles items) throws IOException {
    dataset("datasets.items", () -> {
      DatasetReader.read(items.dataLocation(), DatasetSchema.read(DatasetType.ITEMS, items.schemaLocation()), row -> { });
      return null;
    });
  }

  private interface DatasetRead<T> {
    T read() throws IOException;
  }

  /** A dataset that cannot be read is a bad request: the message names the member and the file's problem. */
  private static <T> T dataset(String member, DatasetRead<T> read) throws IOException {
    try {
      return read.read();
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidInputException(member + ": " + e.getMessage());
    }
  }

  /**
   * Which events train and how much: {@code eventType} and {@code eventValueThreshold} as in
   * Personalize, the {@code event_weights} hyperparameter, and {@code eventsConfig}, whose listed
   * types are then the only ones that count, each with its own weight and threshold.
   */
  private static EventWeighting weighting(TrainSolutionVersionRequest request, TrainingSettings settings) {
    SolutionConfig config = request.solutionConfig();
    String text = config == null ? null : config.eventValueThreshold();
    Double threshold = text == null ? null : Double.valueOf(text.strip());
    // The CLI's skeleton has "eventType": "", meaning none.
    String eventType = request.eventType() == null || request.eventType().isBlank() ? null : request.eventType();
    if (config == null || config.eventsConfig() == null || config.eventsConfig().eventParametersList() == null
        || config.eventsConfig().eventParametersList().isEmpty()) {
      return EventWeighting.of(eventType, threshold, settings.eventWeights());
    }
    Map<String, Double> weights = new TreeMap<>();
    Map<String, Double> thresholds = new TreeMap<>();
    for (SolutionConfig.EventParameters event : config.eventsConfig().eventParametersList()) {
      String type = event.eventType().toLowerCase(Locale.ROOT);
      weights.put(type, event.weight() != null ? event.weight() : settings.eventWeights().getOrDefault(type, 1.0));
      if (event.eventValueThreshold() != null) {
        thresholds.put(type, event.eventValueThreshold());
      }
    }
    return new EventWeighting(eventType, threshold, weights, thresholds, true);
  }

  /** Where the model's files go: a folder path or URI ending in {@code /}. */
  private String modelFolder(TrainSolutionVersionRequest request, String versionId) {
    String folder = request.modelLocation() != null ? request.modelLocation()
        : String.join("/", home.endsWith("/") ? home.substring(0, home.length() - 1) : home, "solution-versions",
            scope.region(), scope.accountId(), request.name(), versionId);
    folder = DataLocations.isLocal(folder) ? DataLocations.absoluteLocal(folder) : folder;
    return folder.endsWith("/") ? folder : folder + "/";
  }

  private static DatasetFiles files(DatasetLocation location) {
    return new DatasetFiles(absolute(location.dataLocation()), absolute(location.schemaLocation()));
  }

  private static String absolute(String location) {
    return DataLocations.isLocal(location) ? DataLocations.absoluteLocal(location) : location;
  }

  /** Local locations are written relative to the registry folder, so a declaration can be moved with its data. */
  private String relative(Object location) {
    String text = location.toString();
    if (!DataLocations.isLocal(text)) {
      return text;
    }
    String relative = registry.toAbsolutePath().normalize().relativize(Path.of(text)).toString();
    return text.endsWith("/") ? relative + "/" : relative;
  }

  private static String versionId(TrainSolutionVersionRequest request, DatasetFiles interactions, DatasetFiles items)
      throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    digest.update(ApiJson.mapper().writeValueAsBytes(request));
    for (DatasetFiles files : items == null ? new DatasetFiles[] {interactions}
        : new DatasetFiles[] {interactions, items}) {
      digestFiles(digest, files.schemaLocation());
      digestFiles(digest, files.dataLocation());
    }
    return HexFormat.of().formatHex(digest.digest()).substring(0, 8);
  }

  private static void digestFiles(MessageDigest digest, String location) throws IOException {
    List<ListedFile> files = Listing.files(location);
    if (files.isEmpty()) {
      throw new InvalidInputException("no dataset file at " + location);
    }
    for (ListedFile file : files) {
      try (InputStream in = Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(file.path(), false)))) {
        byte[] buffer = new byte[1 << 16];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          digest.update(buffer, 0, n);
        }
      }
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
