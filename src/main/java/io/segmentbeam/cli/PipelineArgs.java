package io.segmentbeam.cli;

import io.segmentbeam.pipeline.SegmentJobOptions;
import java.beans.Introspector;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import picocli.CommandLine;

/**
 * The arguments a command passes on to Beam: each must be a Beam pipeline option
 * ({@code --name=value}, or {@code --name} for a flag). Anything else is an unknown option, answered
 * with the command's own option it most likely meant (so {@code --job-nme} suggests
 * {@code --job-name}, never a Beam property that would quietly take the value).
 */
final class PipelineArgs {
  private PipelineArgs() {}

  static void check(CommandLine command, List<String> args) {
    Set<String> beamOptions = beamOptionNames();
    for (String arg : args) {
      String name = arg.startsWith("--") ? arg.substring(2).split("=", 2)[0] : null;
      if (name == null || !beamOptions.contains(name)) {
        String shown = name == null ? arg : "--" + name;
        throw new CommandLine.ParameterException(command, "Unknown option: '" + shown + "'"
            + (name == null ? "" : closest(command, name)));
      }
      String own = ownOptionSpelledAlike(command, name);
      if (own != null) {
        // Beam has a property of that name too (--jobName), but what was meant is surely the command's own.
        throw new CommandLine.ParameterException(command, "Unknown option: '--" + name + "'. Did you mean " + own
            + "? (--" + name + " would set Beam's pipeline option of that name instead)");
      }
    }
  }

  /**
   * Help for the Beam options SegmentBeam itself reads, from their own descriptions, for the usage
   * of every command that passes options on to Beam.
   */
  static String[] help() {
    List<String> lines = new ArrayList<>(List.of("", "Beam pipeline options SegmentBeam reads (any other Beam "
        + "option, e.g. --runner=FlinkRunner, goes to the runner):"));
    List<Method> methods = new ArrayList<>(List.of(SegmentJobOptions.class.getDeclaredMethods()));
    methods.sort(Comparator.comparing(Method::getName));
    for (Method method : methods) {
      Description description = method.getAnnotation(Description.class);
      if (description != null) {
        String name = Introspector.decapitalize(method.getName().substring(method.getName().startsWith("is") ? 2 : 3));
        lines.add("  --" + name + "=<" + method.getReturnType().getSimpleName() + ">");
        lines.addAll(wrapped(description.value() + defaultOf(method), "      ", 78));
      }
    }
    return lines.toArray(String[]::new);
  }

  /** Text in lines of at most {@code width} characters, each starting with {@code indent}. */
  private static List<String> wrapped(String text, String indent, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(indent);
    for (String word : text.split(" ")) {
      if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line = new StringBuilder(indent);
      }
      line.append(line.length() > indent.length() ? " " : "").append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  private static String defaultOf(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      if (annotation.annotationType().getEnclosingClass() == Default.class) {
        try {
          return " (default: " + annotation.annotationType().getMethod("value").invoke(annotation) + ")";
        } catch (ReflectiveOperationException e) {
          return "";
        }
      }
    }
    return "";
  }

  /** The names Beam takes on its command line: the bean properties of every registered options interface. */
  private static Set<String> beamOptionNames() {
    Set<String> names = new TreeSet<>();
    for (Class<? extends PipelineOptions> options : PipelineOptionsFactory.getRegisteredOptions()) {
      for (Method method : options.getMethods()) {
        String getter = method.getName();
        int prefix = getter.startsWith("get") ? 3 : getter.startsWith("is") ? 2 : 0;
        if (prefix > 0 && getter.length() > prefix && method.getParameterCount() == 0) {
          names.add(Introspector.decapitalize(getter.substring(prefix)));
        }
      }
    }
    return names;
  }

  /** The command's own option that {@code name} spells but for case and dashes (jobName: --job-name), or null. */
  private static String ownOptionSpelledAlike(CommandLine command, String name) {
    String plain = plain(name);
    return command.getCommandSpec().options().stream().flatMap(option -> List.of(option.names()).stream())
        .filter(option -> option.startsWith("--") && plain(option).equals(plain)).findFirst().orElse(null);
  }

  private static String plain(String name) {
    return name.replaceAll("[-_]", "").toLowerCase(Locale.ROOT);
  }

  /** ". Did you mean --x?" for the command's own option nearest to {@code name}, if one is near. */
  private static String closest(CommandLine command, String name) {
    String typed = "--" + name;
    return command.getCommandSpec().options().stream()
        .flatMap(option -> List.of(option.names()).stream())
        .filter(option -> option.startsWith("--"))
        .min(Comparator.comparingInt(option -> distance(option, typed)))
        .filter(option -> distance(option, typed) <= Math.max(2, typed.length() / 4))
        .map(option -> ". Did you mean " + option + "?")
        .orElse("");
  }

  /** Levenshtein distance: the fewest single-character edits that turn one text into the other. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
