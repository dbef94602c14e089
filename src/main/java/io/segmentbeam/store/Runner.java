package io.segmentbeam.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A process that runs jobs, told apart from every other: its host, the host's boot (so that a
 * restarted machine's new process of the same number is another process), its process id and
 * when it started (so that a reused id is too).
 *
 * @param startMillis when the process started, epoch milliseconds (0 if unknown)
 */
public record Runner(String host, String bootId, long pid, long startMillis) {
  private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");

  /** This process. */
  public static Runner current() {
    ProcessHandle self = ProcessHandle.current();
    return new Runner(hostName(), currentBootId(), self.pid(), startOf(self));
  }

  /**
   * Whether this process can see for itself that the runner has ended: it ran on this machine
   * since its last boot, and no process with its id and start time is alive. A runner elsewhere
   * is known to be gone only when its lease runs out.
   */
  public boolean knownGoneFromHere() {
    Runner here = current();
    if (!host.equals(here.host) || bootId.isEmpty() || !bootId.equals(here.bootId)) {
      return false;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    return process.isEmpty() || !process.get().isAlive()
        || startMillis != 0 && Math.abs(startOf(process.get()) - startMillis) > 1_000;
  }

  private static long startOf(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
    }
  }

  private static String currentBootId() {
    try {
      return Files.readString(BOOT_ID).strip();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
