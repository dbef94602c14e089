package io.segmentbeam.storage;

import io.segmentbeam.api.DataLocations;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * A local prefix listed without patterns. The prefix's own folder is followed if it is a link (the
 * user named it); inside it, links to folders are not followed, so no walk can loop, while links
 * to files are read as those files.
 */
final class LocalListing {
  private final String prefix;
  private final List<ListedFile> files = new ArrayList<>();
  private int entries;

  private LocalListing(String prefix) {
    this.prefix = prefix;
  }

  static List<ListedFile> list(String location, boolean recursive) throws ListingException {
    String absolute = DataLocations.absoluteLocal(location);
    int slash = absolute.lastIndexOf('/');
    Path base = Path.of(absolute.substring(0, slash + 1));
    String namePrefix = absolute.substring(slash + 1);
    LocalListing listing = new LocalListing(location);
    if (Files.isDirectory(base)) {
      listing.walk(base, namePrefix, recursive);
    }
    listing.files.sort(Comparator.comparing(ListedFile::path));
    return listing.files;
  }

  private void walk(Path base, String namePrefix, boolean recursive) throws ListingException {
    Deque<Path> folders = new ArrayDeque<>();
    visitFolder(base, namePrefix, recursive, folders);
    while (!folders.isEmpty()) {
      visitFolder(folders.pop(), "", true, folders);
    }
  }

  private void visitFolder(Path folder, String namePrefix, boolean recursive, Deque<Path> folders)
      throws ListingException {
    try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
      for (Path child : children) {
        String name = child.getFileName().toString();
        if (!name.startsWith(namePrefix)) {
          continue;
        }
        if (++entries > Listing.MAX_ENTRIES) {
          throw Listing.tooMany(prefix, "entries", Listing.MAX_ENTRIES);
        }
        visitEntry(child, name, recursive, folders);
      }
    } catch (ListingException bound) {
      throw bound;
    } catch (AccessDeniedException e) {
      throw new ListingException("Cannot list the folder " + folder + " under " + prefix + ": permission denied.", e);
    } catch (NoSuchFileException e) {
      // Removed while being listed: it holds nothing to read.
    } catch (IOException e) {
      throw new ListingException("Cannot list the folder " + folder + " under " + prefix + ": " + e.getMessage(), e);
    }
  }

  private void visitEntry(Path entry, String name, boolean recursive, Deque<Path> folders) throws IOException {
    BasicFileAttributes own = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    BasicFileAttributes target = own;
    if (own.isSymbolicLink()) {
      try {
        target = Files.readAttributes(entry, BasicFileAttributes.class);
      } catch (IOException dangling) {
        return;
      }
      if (!target.isRegularFile()) {
        // A link to a folder is not followed: that is what keeps every walk finite.
        return;
      }
    }
    if (own.isDirectory()) {
      if (recursive && !name.startsWith(Listing.STAGING_PREFIX)) {
        folders.push(entry);
      }
    } else if (target.isRegularFile()) {
      if (files.size() == Listing.MAX_FILES) {
        throw Listing.tooMany(prefix, "files", Listing.MAX_FILES);
      }
      files.add(new ListedFile(entry.toString(), target.size()));
    }
  }
}
