package io.segmentbeam.cli;

import io.segmentbeam.cluster.FlinkJvm;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs a scoring command in a JVM started with what scoring needs, when this one was started
 * without it ({@code java -jar segmentbeam.jar ...}): the Vector API module, without which the
 * kernel falls back to scalar arithmetic (several times slower), and, for a job run with
 * {@code --runner=FlinkRunner}, the {@code --add-opens} Flink's serialization needs. The child inherits standard input
 * and output; a signal that stops this JVM stops the child (its job then ends as a stopped job
 * does), and a child whose parent dies anyway ends itself, so no job runs on unowned.
 */
final class JvmRelaunch {
  /** Set in the child: it must not relaunch again, and it follows its parent. */
  static final String CHILD = "SEGMENTBEAM_RELAUNCHED";
  /** Set to {@code false} to run in this JVM whatever it lacks. */
  static final String SWITCH = "segmentbeam.relaunch";
  private static final String VECTOR_MODULE = "jdk.incubator.vector";
  private static final Set<String> SCORING_COMMANDS = Set.of("create-batch-segment-job", "create-solution-version",
      "serve", "report", "bench", "bench-endpoint", "bench-cluster");

  private JvmRelaunch() {}

  /** The child's exit code, when the command ran in a child JVM; empty when it should run in this one. */
  static OptionalInt runIfNeeded(String[] args) {
    Optional<String> java = ProcessHandle.current().info().command();
    if (System.getenv(CHILD) != null || "false".equals(System.getProperty(SWITCH)) || java.isEmpty()
        || !SCORING_COMMANDS.contains(commandName(args))) {
      return OptionalInt.empty();
    }
    List<String> missing = missingOptions(Arrays.asList(args).contains("--runner=FlinkRunner")
        || commandName(args).equals("bench-cluster"));
    if (missing.isEmpty()) {
      return OptionalInt.empty();
    }
    List<String> command = new ArrayList<>(List.of(java.get()));
    // The user's own JVM options (heap, system properties) carry over; a debugger's port would clash.
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(option -> !option.startsWith("-agentlib:jdwp")).forEach(command::add);
    command.addAll(missing);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), SegmentBeamCli.class.getName()));
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().put(CHILD, "1");
    try {
      Process child = builder.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child)));
      return OptionalInt.of(child.waitFor());
    } catch (IOException e) {
      return OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.of(SegmentBeamCli.INTERNAL_ERROR);
    }
  }

  /** In a relaunched JVM: exits as a stopped process does when the JVM that started it is gone. */
  static void followParent() {
    if (System.getenv(CHILD) != null) {
      ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(143)));
    }
  }

  private static void stop(Process child) {
    if (child.isAlive()) {
      child.destroy();
      try {
        child.waitFor(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The JVM options this JVM lacks for scoring, and for running Flink when {@code flink}. */
  private static List<String> missingOptions(boolean flink) {
    List<String> missing = new ArrayList<>();
    if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
      missing.addAll(List.of("--add-modules", VECTOR_MODULE));
    }
    if (flink && flinkBundled()) {
      Module unnamed = JvmRelaunch.class.getClassLoader().getUnnamedModule();
      for (String pkg : FlinkJvm.openedPackages()) {
        if (!Object.class.getModule().isOpen(pkg, unnamed)) {
          missing.add("--add-opens=java.base/" + pkg + "=ALL-UNNAMED");
        }
      }
    }
    return missing;
  }

  private static boolean flinkBundled() {
    try {
      Class.forName("org.apache.beam.runners.flink.FlinkRunner", false, JvmRelaunch.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** The subcommand: the first argument that is not an option. */
  private static String commandName(String[] args) {
    return Arrays.stream(args).filter(arg -> !arg.startsWith("-")).findFirst().orElse("");
  }
}
