package io.segmentbeam.model.factors;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * The compact factor file ({@code .sbf}): what a million users' vectors load from in a second,
 * where JSON lines take many. Layout: the bytes {@code SBF1}; the row count and the dimensions
 * as 32-bit integers; each id as a 32-bit byte length and its UTF-8 bytes, in ascending order;
 * then every row's floats. Numbers are little-endian.
 */
public final class BinaryFactorFiles {
  /** The file name ending that selects this format. */
  public static final String SUFFIX = ".sbf";
  private static final byte[] MAGIC = "SBF1".getBytes(StandardCharsets.US_ASCII);
  private static final int CHUNK = 1 << 20;

  private BinaryFactorFiles() {}

  private static Header readHeader(ResourceId file, DataInputStream in) throws IOException {
    byte[] magic = new byte[MAGIC.length];
    in.readFully(magic);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new IOException(file + ": not a SegmentBeam factor file (it does not start with SBF1)");
    }
    int count = Integer.reverseBytes(in.readInt());
    int dimensions = Integer.reverseBytes(in.readInt());
    if (count < 0 || dimensions < 0) {
      throw new IOException(file + ": a header of " + count + " rows of " + dimensions + " factors");
    }
    return new Header(count, dimensions);
  }

  /** Writes ids (ascending) and their row-major vectors. */
  public static void write(String location, String[] ids, float[] vectors, int dimensions) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
        Channels.newOutputStream(FactorFiles.create(location, "application/octet-stream")), CHUNK))) {
      out.write(MAGIC);
      out.writeInt(Integer.reverseBytes(ids.length));
      out.writeInt(Integer.reverseBytes(dimensions));
      for (String id : ids) {
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        out.writeInt(Integer.reverseBytes(bytes.length));
        out.write(bytes);
      }
      ByteBuffer chunk = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
      for (int at = 0; at < vectors.length; ) {
        int n = Math.min(CHUNK / Float.BYTES, vectors.length - at);
        chunk.clear();
        chunk.asFloatBuffer().put(vectors, at, n);
        out.write(chunk.array(), 0, n * Float.BYTES);
        at += n;
      }
    }
  }

  /** A file's row count and dimensions, read from its first bytes. */
  public record Header(int rows, int dimensions) {
    /** The bytes the rows' floats take. */
    public long vectorBytes() {
      return (long) rows * dimensions * Float.BYTES;
    }
  }

  public static Header header(String location) throws IOException {
    ResourceId file = FileSystems.matchSingleFileSpec(location).resourceId();
    try (DataInputStream in = new DataInputStream(Channels.newInputStream(FileSystems.open(file)))) {
      return readHeader(file, in);
    } catch (EOFException e) {
      throw new IOException(file + ": the file ends inside its header", e);
    }
  }

  /**
   * Reads a file written by {@link #write}, or shard {@code shard} of {@code shards} of it (the
   * whole file is shard 0 of 1); errors name the file and what is wrong. A shard is the rows from
   * {@code rows * shard / shards} up to the next shard's first, in id order, reading past (not
   * keeping) the others' ids and vectors.
   */
  static FactorTable read(ResourceId file, int shard, int shards) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(
        Channels.newInputStream(FileSystems.open(file)), CHUNK))) {
      Header header = readHeader(file, in);
      int count = header.rows();
      int dimensions = header.dimensions();
      int from = (int) ((long) count * shard / shards);
      int to = (int) ((long) count * (shard + 1) / shards);
      if ((long) (to - from) * dimensions > Integer.MAX_VALUE - 8) {
        throw new IOException(file + ": " + (to - from) + " rows of " + dimensions + " factors do not fit one table; "
            + "split the users into more shards");
      }
      // Only the shard's ids become strings; the others are read past.
      String[] ids = new String[to - from];
      for (int i = 0; i < count; i++) {
        int length = Integer.reverseBytes(in.readInt());
        if (i < from || i >= to) {
          in.skipNBytes(length);
          continue;
        }
        byte[] id = new byte[length];
        in.readFully(id);
        int at = i - from;
        ids[at] = new String(id, StandardCharsets.UTF_8);
        if (at > 0 && ids[at - 1].compareTo(ids[at]) >= 0) {
          throw new IOException(file + ": id \"" + ids[at] + "\" (row " + (i + 1) + ") is not after \"" + ids[at - 1]
              + "\": ids must be unique and ascending");
        }
      }
      in.skipNBytes((long) from * dimensions * Float.BYTES);
      float[] vectors = new float[(to - from) * dimensions];
      byte[] chunk = new byte[CHUNK];
      ByteBuffer view = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
      for (int at = 0; at < vectors.length; ) {
        int n = Math.min(CHUNK / Float.BYTES, vectors.length - at);
        in.readFully(chunk, 0, n * Float.BYTES);
        view.clear();
        view.asFloatBuffer().get(vectors, at, n);
        at += n;
      }
      if (to == count && in.read() >= 0) {
        throw new IOException(file + ": bytes follow the last row's factors");
      }
      return FactorTable.ofSorted(ids, vectors, dimensions);
    } catch (EOFException e) {
      throw new IOException(file + ": the file ends before its last row", e);
    }
  }
}
