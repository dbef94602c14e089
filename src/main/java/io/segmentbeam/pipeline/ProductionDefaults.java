package io.segmentbeam.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Pipeline options a job run for real starts from on the Direct runner, unless its arguments
 * say otherwise. The runner clones and re-encodes every element to catch transforms that break
 * Beam's rules, which costs as much as the job and catches nothing the tests (which keep the
 * checks) would not. And it runs one bundle per worker thread, while the scoring kernel already
 * uses every core for each batch: more workers only make threads fight over the cores (measured
 * with {@code bench}: scoring took about twice the bare kernel's time with the default
 * parallelism, 1.2 to 1.3 times with one worker). Pipelines that do not score (dataset import
 * and export) keep one worker per core: importing a million users took 36 s with two workers,
 * 44 s with one. On Flink, elements go from one chained operator to the next without a defensive
 * copy ({@code fasterCopy}), as Beam's rules (which the tests enforce) allow.
 */
public final class ProductionDefaults {
  /** Not blocking in run() gives the job the pipeline's handle, which a stop (Ctrl-C, kill) cancels. */
  private static final List<String> DIRECT_RUNNER_DEFAULTS =
      List.of("--enforceImmutability=false", "--enforceEncodability=false", "--blockOnRun=false");
  private static final String ONE_WORKER = "--targetParallelism=1";
  private static final List<String> FLINK_RUNNER_DEFAULTS = List.of("--fasterCopy=true");

  private ProductionDefaults() {}

  /**
   * The arguments, with the Direct runner's production defaults added where they do not set those
   * options; one worker only for a pipeline that scores with the kernel.
   */
  public static String[] apply(List<String> args, boolean scoring) {
    List<String> all = new ArrayList<>(args);
    boolean direct = args.stream().noneMatch(arg -> arg.startsWith("--runner="))
        || args.stream().anyMatch(arg -> arg.equals("--runner=DirectRunner") || arg.endsWith(".DirectRunner"));
    if (direct && optionsKnown("org.apache.beam.runners.direct.DirectOptions")) {
      List<String> defaults = new ArrayList<>(DIRECT_RUNNER_DEFAULTS);
      if (scoring) {
        defaults.add(ONE_WORKER);
      }
      addUnset(all, args, defaults);
    }
    boolean flink = args.stream().anyMatch(arg -> arg.equals("--runner=FlinkRunner") || arg.endsWith(".FlinkRunner"));
    if (flink && optionsKnown("org.apache.beam.runners.flink.FlinkPipelineOptions")) {
      addUnset(all, args, FLINK_RUNNER_DEFAULTS);
    }
    return all.toArray(String[]::new);
  }

  private static boolean optionsKnown(String optionsClass) {
    return PipelineOptionsFactory.getRegisteredOptions().stream()
        .anyMatch(options -> options.getName().equals(optionsClass));
  }

  /** Adds each default whose option {@code args} does not set. */
  private static void addUnset(List<String> all, List<String> args, List<String> defaults) {
    for (String option : defaults) {
      String name = option.substring(0, option.indexOf('='));
      if (args.stream().noneMatch(arg -> arg.equals(name) || arg.startsWith(name + "="))) {
        all.add(option);
      }
    }
  }
}
