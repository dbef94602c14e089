package io.segmentbeam.store;

import io.segmentbeam.api.InternalFailureException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;

/** The errors a command answers with when its job store cannot be read or written: one line naming the folder. */
final class StoreFailures {
  private static final String ADVICE = " Check that --home (or $SEGMENTBEAM_HOME) names a folder or s3:// prefix that "
      + "this process can write.";

  private StoreFailures() {}

  static InternalFailureException cannotWrite(Documents folder, IOException e) {
    return new InternalFailureException("Cannot write to the job store at " + folder.location() + ": " + reason(e)
        + "." + ADVICE);
  }

  static InternalFailureException cannotRead(Documents folder, IOException e) {
    return new InternalFailureException("Cannot read the job store at " + folder.location() + ": " + reason(e)
        + "." + ADVICE);
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException denied) {
      return "permission denied for " + denied.getFile();
    }
    if (e instanceof NotDirectoryException notFolder) {
      return notFolder.getFile() + " is a file, not a folder";
    }
    if (e instanceof FileSystemException other) {
      return (other.getReason() != null ? other.getReason() : other.getClass().getSimpleName()) + " for "
          + other.getFile();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
