package io.segmentbeam.jobs;

import io.segmentbeam.api.CreateSolutionRequest;
import io.segmentbeam.api.CreateSolutionResponse;
import io.segmentbeam.api.CreateSolutionVersionRequest;
import io.segmentbeam.api.DescribeDatasetGroupRequest;
import io.segmentbeam.api.DescribeRecipeRequest;
import io.segmentbeam.api.DescribeSolutionRequest;
import io.segmentbeam.api.DescribeSolutionVersionRequest;
import io.segmentbeam.api.GetSolutionMetricsRequest;
import io.segmentbeam.api.GetSolutionMetricsResponse;
import io.segmentbeam.api.InvalidNextTokenException;
import io.segmentbeam.api.JobStatus;
import io.segmentbeam.api.ListRecipesRequest;
import io.segmentbeam.api.ListRecipesResponse;
import io.segmentbeam.api.ListSolutionVersionsRequest;
import io.segmentbeam.api.ListSolutionVersionsResponse;
import io.segmentbeam.api.ListSolutionsRequest;
import io.segmentbeam.api.ListSolutionsResponse;
import io.segmentbeam.api.PersonalizeException;
import io.segmentbeam.api.Recipe;
import io.segmentbeam.api.RecipeDescription;
import io.segmentbeam.api.RecipeSummary;
import io.segmentbeam.api.ResourceInUseException;
import io.segmentbeam.api.ResourceNotFoundException;
import io.segmentbeam.api.Solution;
import io.segmentbeam.api.SolutionVersionDetails;
import io.segmentbeam.api.TrainSolutionVersionRequest;
import io.segmentbeam.registry.SolutionVersion;
import io.segmentbeam.registry.SolutionVersionLookup;
import io.segmentbeam.store.ArnScope;
import io.segmentbeam.store.Documents;
import io.segmentbeam.store.JobRuns;
import io.segmentbeam.store.JobStore;
import io.segmentbeam.store.ResourceTags;
import io.segmentbeam.store.Resources;
import io.segmentbeam.storage.JobStorage;
import io.segmentbeam.training.HyperParameterSearch;
import io.segmentbeam.training.SolutionVersionTrainer;
import io.segmentbeam.training.TrainingSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * AWS's training flow: CreateSolution records what to train on which dataset group;
 * CreateSolutionVersion trains a new version of it, answering with the ARN at once and moving the
 * version from CREATE PENDING through CREATE IN_PROGRESS to ACTIVE (or CREATE FAILED with the
 * reason). An ACTIVE version is registered under the store, where batch segment jobs find it from
 * any working directory.
 */
public final class SolutionService {
  private static final String SOLUTION = "solution";
  private static final String VERSION = "solution-version";
  /** Recipes are few and fixed: a page token is where the next page starts. */
  private static final String RECIPES_TOKEN = "recipes-";

  private final String home;
  private final ArnScope scope;
  private final DatasetService datasets;
  private final Resources<Solution> solutions;
  private final Resources<SolutionVersionDetails> versions;
  private final JobRuns runs;
  private final OrphanRecovery<SolutionVersionDetails> orphans;
  private final ResourceTags tags;
  private final SolutionVersionLookup trained;

  /**
   * @param home the store's folder, where trained models and their declarations are written
   * @param trained where solution versions are found, declared or trained (for their metrics)
   * @param storage options that reach the jobs' storage, to end orphaned trainings with
   */
  public SolutionService(String home, Documents store, ArnScope scope, DatasetService datasets,
      SolutionVersionLookup trained, Supplier<PipelineOptions> storage) {
    this.home = home;
    this.trained = trained;
    this.scope = scope;
    this.datasets = datasets;
    this.tags = new ResourceTags(store, scope);
    this.solutions = new Resources<>(store, scope, SOLUTION, "solutionArn", Solution.class, Solution::name,
        Solution::solutionArn, Solution::creationDateTime);
    this.versions = new Resources<>(store, scope, VERSION, "solutionVersionArn", SolutionVersionDetails.class,
        this::key, SolutionVersionDetails::solutionVersionArn, SolutionVersionDetails::creationDateTime,
        this::keyOfVersionArn);
    this.runs = new JobRuns(store, scope, VERSION);
    // A training whose process died ends CREATE FAILED: it registers its model only as its last step.
    this.orphans = new OrphanRecovery<>(runs, this::key, SolutionVersionDetails::creationDateTime,
        versions::update, version -> JobStorage.of(storage.get(), null), (version, run, jobStorage) -> false);
  }

  /** Where trained solution versions are declared, for batch segment jobs to find. */
  public static Path trainedDeclarations(String home, ArnScope scope) {
    return Path.of(home, "trained-solution-versions", scope.region(), scope.accountId());
  }

  public CreateSolutionResponse createSolution(CreateSolutionRequest request) {
    request.validate();
    // Hyperparameters and HPO ranges are checked now, not when a version trains on them.
    Map<String, String> hyperParameters = Recipe.fromArn(request.recipeArn()).orElseThrow().hyperParameters(
        request.solutionConfig() == null ? null : request.solutionConfig().algorithmHyperParameters());
    TrainingSettings.from(hyperParameters);
    if (Boolean.TRUE.equals(request.performHPO())) {
      new HyperParameterSearch(hyperParameters, request.solutionConfig() == null ? null
          : request.solutionConfig().hpoConfig());
    }
    datasets.describeDatasetGroup(new DescribeDatasetGroupRequest(request.datasetGroupArn()));
    Solution solution = Solution.created(solutions.arn(request.name()), request, Timestamps.now());
    solutions.create(solution);
    tags.add(solution.solutionArn(), request.tags());
    return new CreateSolutionResponse(solution.solutionArn());
  }

  public Solution describeSolution(DescribeSolutionRequest request) {
    request.validate();
    Solution solution = solutions.get(request.solutionArn());
    return solution.withLatestSolutionVersion(versions.all(solution.solutionArn(), SolutionVersionDetails::solutionArn)
        .stream().map(orphans::recover).max(Comparator.comparing(SolutionVersionDetails::creationDateTime))
        .map(SolutionVersionDetails::summary).orElse(null));
  }

  public ListSolutionsResponse listSolutions(ListSolutionsRequest request) {
    request.validate();
    JobStore.Page<Solution> page =
        solutions.list(request, "datasetGroupArn", request.datasetGroupArn(), Solution::datasetGroupArn);
    return new ListSolutionsResponse(page.items().stream().map(Solution::summary).toList(), page.nextToken());
  }

  /**
   * Records a new version of the solution, tells {@code recorded} its ARN, then trains it to ACTIVE
   * or CREATE FAILED; {@code progress} receives the trainer's progress lines.
   */
  public SolutionVersionDetails createSolutionVersion(CreateSolutionVersionRequest request, int threads,
      PrintWriter progress, Consumer<String> recorded) {
    request.validate();
    Solution solution = solutions.get(request.solutionArn());
    String id = UUID.randomUUID().toString().substring(0, 8);
    SolutionVersionDetails pending = SolutionVersionDetails.pending(solution.solutionArn() + "/" + id,
        request.name(), solution, request.effectiveTrainingMode(), Timestamps.now());
    versions.create(pending);
    tags.add(pending.solutionVersionArn(), request.tags());
    // What hyperparameter optimization chose, kept with each status recorded from then on.
    AtomicReference<Map<String, String>> tuned = new AtomicReference<>();
    try (JobRun run = new JobRun(runs, key(pending),
        () -> orphans.abandon(versions.get(pending.solutionVersionArn()), RunningJobs.STOPPED))) {
      recorded.accept(pending.solutionVersionArn());
      return JobLifecycle.run(pending,
          version -> versions.update(tuned.get() == null ? version : version.withTunedHpoParams(tuned.get())), run,
          job -> tuned.set(train(solution, id, threads, progress).tunedHyperParameters()));
    }
  }

  public SolutionVersionDetails describeSolutionVersion(DescribeSolutionVersionRequest request) {
    request.validate();
    return orphans.recover(versions.get(request.solutionVersionArn()));
  }

  public ListSolutionVersionsResponse listSolutionVersions(ListSolutionVersionsRequest request) {
    request.validate();
    if (request.solutionArn() != null) {
      solutions.get(request.solutionArn());
    }
    JobStore.Page<SolutionVersionDetails> page =
        versions.list(request, "solutionArn", request.solutionArn(), SolutionVersionDetails::solutionArn);
    return new ListSolutionVersionsResponse(
        page.items().stream().map(orphans::recover).map(SolutionVersionDetails::summary).toList(), page.nextToken());
  }

  /**
   * The offline metrics the version's training measured (see {@code SolutionMetrics}); a version
   * still training is ResourceInUseException, as its metrics do not exist yet. A version declared
   * without metrics has none.
   */
  public GetSolutionMetricsResponse getSolutionMetrics(GetSolutionMetricsRequest request) {
    request.validate();
    String arn = request.solutionVersionArn();
    Optional<SolutionVersionDetails> recorded = versions.find(arn).map(orphans::recover);
    if (recorded.isPresent() && !recorded.get().status().equals(JobStatus.ACTIVE)) {
      throw new ResourceInUseException("Solution version " + arn + " has no metrics yet: its status is "
          + recorded.get().status() + ", and metrics exist once it is ACTIVE.");
    }
    SolutionVersion version = trained.require(arn, "solutionVersionArn", scope);
    return new GetSolutionMetricsResponse(version.solutionVersionArn(), version.metrics());
  }

  /** The USER_SEGMENTATION recipes, the only ones that make segment models. */
  public RecipeDescription describeRecipe(DescribeRecipeRequest request) {
    request.validate();
    return Recipe.fromArn(request.recipeArn()).map(RecipeDescription::of).orElseThrow(() ->
        new ResourceNotFoundException("Could not find recipeArn " + request.recipeArn() + ": SegmentBeam has the "
            + "USER_SEGMENTATION recipes " + String.join(", ", Recipe.arns()) + "."));
  }

  /** The recipes a page at a time; they belong to no domain, so a domain lists none. */
  public ListRecipesResponse listRecipes(ListRecipesRequest request) {
    request.validate();
    List<RecipeSummary> all = request.domain() != null ? List.of()
        : Arrays.stream(Recipe.values()).map(recipe -> RecipeDescription.of(recipe).summary()).toList();
    int from = 0;
    if (request.nextToken() != null) {
      String offset = request.nextToken().startsWith(RECIPES_TOKEN)
          ? request.nextToken().substring(RECIPES_TOKEN.length()) : "";
      if (!offset.matches("[1-9][0-9]?") || Integer.parseInt(offset) >= all.size()) {
        throw new InvalidNextTokenException("The nextToken is not valid for this request.");
      }
      from = Integer.parseInt(offset);
    }
    int to = Math.min(all.size(), from + request.effectiveMaxResults());
    return new ListRecipesResponse(all.subList(from, to), to < all.size() ? RECIPES_TOKEN + to : null);
  }

  private SolutionVersionTrainer.Trained train(Solution solution, String id, int threads, PrintWriter progress)
      throws JobFailure {
    if (home.startsWith("s3://")) {
      throw new JobFailure("Training writes its model under --home, which must be a folder for it, not " + home
          + ".");
    }
    try {
      TrainSolutionVersionRequest request = new TrainSolutionVersionRequest(solution.name(), solution.performHPO(),
          solution.recipeArn(), solution.eventType(), solution.solutionConfig(), "FULL", null,
          solution.datasetGroupArn(), datasets.trainingDatasets(solution.datasetGroupArn()), null);
      return new SolutionVersionTrainer(home, scope, trainedDeclarations(home, scope), threads, progress)
          .train(request, id);
    } catch (PersonalizeException e) {
      throw new JobFailure("Cannot train on dataset group " + solution.datasetGroupArn() + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new JobFailure("Training failed: " + JobFailure.rootMessage(e), e);
    }
  }

  /** A version's key in the store: its solution's name and its id, {@code <name>.<id>}. */
  private String key(SolutionVersionDetails version) {
    return keyOfVersionArn(version.solutionVersionArn()).orElseThrow();
  }

  /** The store key of a version ARN of this scope, {@code ...:solution/<name>/<id>}. */
  private Optional<String> keyOfVersionArn(String arn) {
    String prefix = scope.arn(SOLUTION, "");
    if (!arn.startsWith(prefix)) {
      return Optional.empty();
    }
    String[] parts = arn.substring(prefix.length()).split("/", -1);
    return parts.length == 2 && !parts[0].isEmpty() && parts[1].matches("[0-9a-f]{8}")
        ? Optional.of(parts[0] + "." + parts[1]) : Optional.empty();
  }

  /** Discards the trainer's progress, for callers that do not show it. */
  public static PrintWriter noProgress() {
    return new PrintWriter(Writer.nullWriter());
  }
}
