package io.segmentbeam.cluster;

import java.util.List;

/** What a JVM that runs Flink needs on Java 17: its serialization reflects into these packages. */
public final class FlinkJvm {
  private static final List<String> OPENED_PACKAGES = List.of("java.util", "java.lang", "java.io", "java.net",
      "java.lang.invoke", "java.nio", "java.time");

  private FlinkJvm() {}

  /** The packages of {@code java.base} Flink needs opened. */
  public static List<String> openedPackages() {
    return OPENED_PACKAGES;
  }

  /** The {@code --add-opens} options that open them to the classpath. */
  public static List<String> addOpens() {
    return OPENED_PACKAGES.stream().map(pkg -> "--add-opens=java.base/" + pkg + "=ALL-UNNAMED").toList();
  }
}
