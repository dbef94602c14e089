package io.segmentbeam.storage;

import io.segmentbeam.api.DataLocations;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The one folder a job writes in until its output is complete: {@code <output>/.segmentbeam-staging-
 * <job>-<run>/}, named for the job and this run of it, so that nothing else is ever in it. Its
 * {@code files/} are published into the output folder as a set once all are written, each replaced
 * file set aside in {@code replaced/} until the set is in place, so that a publication that fails
 * half-way puts back exactly what was there. Removing the folder removes only what the job wrote.
 */
public final class StagingFolder {
  private final String outputFolder;
  private final String folder;
  private final JobStorage storage;
  /** The local folders the job made to hold its output, outermost first: removed again if it publishes nothing. */
  private final List<Path> madeFolders = new ArrayList<>();
  private boolean published;

  private StagingFolder(String outputFolder, String folder, JobStorage storage) {
    this.outputFolder = outputFolder;
    this.folder = folder;
    this.storage = storage;
  }

  /**
   * The staging folder for one run of a job, named but not yet made (so that its name can be
   * recorded first); {@code outputFolder} ends in {@code /}.
   */
  public static StagingFolder plan(String outputFolder, String jobName, JobStorage storage) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    StagingFolder staging = at(outputFolder, outputFolder + Listing.STAGING_PREFIX + jobName + "-" + run + "/",
        storage);
    if (DataLocations.isLocal(outputFolder)) {
      Deque<Path> missing = new ArrayDeque<>();
      for (Path at = Path.of(outputFolder); !Files.exists(at, LinkOption.NOFOLLOW_LINKS); at = at.getParent()) {
        missing.push(at);
      }
      staging.madeFolders.addAll(missing);
    }
    return staging;
  }

  /** The local folders {@link #make()} makes to hold the output, outermost first. */
  public List<String> madeFolders() {
    return madeFolders.stream().map(Path::toString).toList();
  }

  /** Makes the staging folder, and the output folder if it is not there. */
  public StagingFolder make() throws IOException {
    if (DataLocations.isLocal(outputFolder)) {
      for (Path made : madeFolders) {
        Files.createDirectory(made);
      }
      // Exclusive: a folder of that name that is somebody else's is never written into.
      Files.createDirectory(Path.of(folder));
      Files.createDirectory(Path.of(filesFolder()));
    }
    return this;
  }

  /** The staging folder a job recorded, to publish or remove it after its process ended. */
  public static StagingFolder at(String outputFolder, String folder, JobStorage storage) {
    return new StagingFolder(outputFolder, folder, storage);
  }

  public String folder() {
    return folder;
  }

  /** Where the job's pipeline writes the files that become its output, by their names in the output folder. */
  public String filesFolder() {
    return folder + "files/";
  }

  /** The staged files, by their names relative to {@link #filesFolder()}. */
  public List<String> stagedNames() throws IOException {
    return stagedFiles().stream().map(ListedFile::path).toList();
  }

  /** The staged files with their sizes, by their names relative to {@link #filesFolder()}. */
  public List<ListedFile> stagedFiles() throws IOException {
    List<ListedFile> files = new ArrayList<>();
    for (ListedFile file : Listing.under(filesFolder(), storage.options())) {
      files.add(new ListedFile(file.path().substring(filesFolder().length()), file.sizeBytes()));
    }
    return files;
  }

  /**
   * Moves every staged file to its place in the output folder. A file of the same name there is
   * replaced; if any move fails, the files moved so far are taken back and the replaced ones
   * restored before the error is thrown. Local output is never written through a symbolic link.
   */
  public List<String> publish() throws IOException {
    return publish(stagedNames());
  }

  /** Publishes the staged files of these names, as {@link #publish()} does, for a caller that listed them already. */
  public List<String> publish(List<String> names) throws IOException {
    boolean local = DataLocations.isLocal(outputFolder);
    if (local) {
      for (String name : names) {
        checkNoLinkOnTheWay(name);
      }
    }
    try (StorageSession session = storage.open()) {
      Set<String> existing = existing(session, names);
      List<String> moved = new ArrayList<>();
      List<String> replaced = new ArrayList<>();
      try {
        for (String name : names) {
          if (existing.contains(name)) {
            session.move(outputFolder + name, folder + "replaced/" + name);
            replaced.add(name);
          }
          session.move(filesFolder() + name, outputFolder + name);
          moved.add(name);
        }
      } catch (IOException | RuntimeException e) {
        for (String name : moved) {
          session.move(outputFolder + name, filesFolder() + name);
        }
        for (String name : replaced) {
          session.move(folder + "replaced/" + name, outputFolder + name);
        }
        throw e;
      }
    }
    this.published = true;
    return names;
  }

  /**
   * Removes the staging folder and everything in it, and, if nothing was published, the folders
   * made to hold it, when they are still empty; nothing else is touched.
   */
  public void remove() throws IOException {
    FolderRemoval.remove(folder, storage.options());
    if (!published) {
      removeIfEmpty(madeFolders());
    }
  }

  /** Removes the folders a job made, innermost first, as long as they are empty. */
  public static void removeIfEmpty(List<String> madeFolders) throws IOException {
    for (int i = madeFolders.size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(Path.of(madeFolders.get(i)));
      } catch (DirectoryNotEmptyException e) {
        return;
      }
    }
  }

  private void checkNoLinkOnTheWay(String name) throws IOException {
    Path output = Path.of(outputFolder);
    Path target = output.resolve(name).normalize();
    if (!target.startsWith(output)) {
      throw new IOException(name + " would be written outside the output folder " + outputFolder);
    }
    for (Path at = target.getParent(); !at.equals(output); at = at.getParent()) {
      if (Files.isSymbolicLink(at)) {
        throw new IOException("the output folder holds a symbolic link at " + at + ", and SegmentBeam does not write "
            + "through links; remove it or choose another output path");
      }
    }
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("the output folder holds a folder named " + target + " where an output file belongs");
    }
  }

  /** Which of the names are already taken in the output folder. */
  private Set<String> existing(StorageSession session, List<String> names) throws IOException {
    Set<String> existing = new HashSet<>();
    for (String name : names) {
      if (session.exists(outputFolder + name)) {
        existing.add(name);
      }
    }
    return existing;
  }
}
