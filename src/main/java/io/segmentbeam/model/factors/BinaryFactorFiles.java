package io.segmentbeam.model.factors;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.stream.IntStream;
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
  /** How much of a local file is mapped at once: a mapping is at most 2 GB. */
  private static final int MAP_WINDOW = 1 << 30;

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
   * keeping) the others' ids and vectors. A local file's vectors are copied straight from the
   * memory-mapped file; other file systems' are streamed.
   */
  static FactorTable read(ResourceId file, int shard, int shards) throws IOException {
    if ("file".equals(file.getScheme())) {
      return readLocal(file, Path.of(file.toString()), shard, shards);
    }
    try (ReadableByteChannel channel = FileSystems.open(file)) {
      DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), CHUNK));
      Header header = readHeader(file, in);
      int from = (int) ((long) header.rows() * shard / shards);
      int to = (int) ((long) header.rows() * (shard + 1) / shards);
      checkFits(file, header, from, to);
      // Only the shard's ids become strings; the others are read past.
      String[] ids = new String[to - from];
      long vectorsStart = MAGIC.length + 2 * Integer.BYTES;
      for (int i = 0; i < header.rows(); i++) {
        int length = Integer.reverseBytes(in.readInt());
        vectorsStart += Integer.BYTES + length;
        if (i < from || i >= to) {
          in.skipNBytes(length);
        } else {
          byte[] id = new byte[length];
          in.readFully(id);
          ids[i - from] = new String(id, StandardCharsets.UTF_8);
        }
      }
      checkAscending(file, ids, from);
      long shardStart = (long) from * header.dimensions() * Float.BYTES;
      if (channel instanceof SeekableByteChannel seekable) {
        // An object store reads from the shard's first byte (a ranged GET) instead of through the
        // vectors of every shard before it.
        long size = vectorsStart + header.vectorBytes();
        if (seekable.size() != size) {
          throw new IOException(file + (seekable.size() < size ? ": the file ends before its last row"
              : ": bytes follow the last row's factors"));
        }
        seekable.position(vectorsStart + shardStart);
        in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(seekable), CHUNK));
      } else {
        in.skipNBytes(shardStart);
      }
      float[] vectors = new float[(to - from) * header.dimensions()];
      readStreamed(in, vectors);
      if (!(channel instanceof SeekableByteChannel) && to == header.rows() && in.read() >= 0) {
        throw new IOException(file + ": bytes follow the last row's factors");
      }
      return FactorTable.ofSorted(ids, vectors, header.dimensions());
    } catch (EOFException e) {
      throw new IOException(file + ": the file ends before its last row", e);
    }
  }

  /**
   * A local file, memory-mapped: the ids' lengths are walked in the mapping, the shard's ids decoded
   * on every core, its vectors copied straight from the mapping.
   */
  private static FactorTable readLocal(ResourceId file, Path path, int shard, int shards) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      ByteBuffer start = ByteBuffer.allocate(MAGIC.length + 2 * Integer.BYTES);
      while (start.hasRemaining() && channel.read(start, start.position()) > 0) {
        // reads the header's bytes, as many calls as it takes
      }
      if (start.hasRemaining()) {
        throw new IOException(file + ": the file ends inside its header");
      }
      Header header = readHeader(file, new DataInputStream(new ByteArrayInputStream(start.array())));
      int from = (int) ((long) header.rows() * shard / shards);
      int to = (int) ((long) header.rows() * (shard + 1) / shards);
      checkFits(file, header, from, to);
      long idsStart = start.capacity();
      long idRegion = channel.size() - idsStart - header.vectorBytes();
      if (idRegion < (long) header.rows() * Integer.BYTES || idRegion > Integer.MAX_VALUE) {
        throw new IOException(file + (idRegion < (long) header.rows() * Integer.BYTES
            ? ": the file ends before its last row"
            : ": its ids do not fit its size (" + channel.size() + " bytes for " + header.rows() + " rows of "
                + header.dimensions() + " factors)"));
      }
      ByteBuffer idBytes = channel.map(FileChannel.MapMode.READ_ONLY, idsStart, idRegion)
          .order(ByteOrder.LITTLE_ENDIAN);
      int[] starts = new int[to - from];
      int at = 0;
      for (int i = 0; i < header.rows(); i++) {
        int length = at + Integer.BYTES <= idRegion ? idBytes.getInt(at) : -1;
        if (length < 0 || at + Integer.BYTES + (long) length > idRegion) {
          throw new IOException(file + ": the file ends before its last row");
        }
        if (i >= from && i < to) {
          starts[i - from] = at + Integer.BYTES;
        }
        at += Integer.BYTES + length;
      }
      if (at != idRegion) {
        throw new IOException(file + ": bytes follow the last row's factors");
      }
      String[] ids = new String[to - from];
      IntStream.range(0, ids.length).parallel().forEach(i -> {
        byte[] id = new byte[idBytes.getInt(starts[i] - Integer.BYTES)];
        idBytes.get(starts[i], id);
        ids[i] = new String(id, StandardCharsets.UTF_8);
      });
      checkAscending(file, ids, from);
      float[] vectors = new float[(to - from) * header.dimensions()];
      long position = idsStart + idRegion + (long) from * header.dimensions() * Float.BYTES;
      for (int done = 0; done < vectors.length; ) {
        int n = Math.min(MAP_WINDOW / Float.BYTES, vectors.length - done);
        channel.map(FileChannel.MapMode.READ_ONLY, position + (long) done * Float.BYTES, (long) n * Float.BYTES)
            .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vectors, done, n);
        done += n;
      }
      return FactorTable.ofSorted(ids, vectors, header.dimensions());
    }
  }

  private static void checkFits(ResourceId file, Header header, int from, int to) throws IOException {
    if ((long) (to - from) * header.dimensions() > Integer.MAX_VALUE - 8) {
      throw new IOException(file + ": " + (to - from) + " rows of " + header.dimensions() + " factors do not fit "
          + "one table; split the users into more shards");
    }
  }

  private static void checkAscending(ResourceId file, String[] ids, int firstRow) throws IOException {
    for (int i = 1; i < ids.length; i++) {
      if (ids[i - 1].compareTo(ids[i]) >= 0) {
        throw new IOException(file + ": id \"" + ids[i] + "\" (row " + (firstRow + i + 1) + ") is not after \""
            + ids[i - 1] + "\": ids must be unique and ascending");
      }
    }
  }

  private static void readStreamed(DataInputStream in, float[] vectors) throws IOException {
    byte[] chunk = new byte[CHUNK];
    ByteBuffer view = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
    for (int at = 0; at < vectors.length; ) {
      int n = Math.min(CHUNK / Float.BYTES, vectors.length - at);
      in.readFully(chunk, 0, n * Float.BYTES);
      view.clear();
      view.asFloatBuffer().get(vectors, at, n);
      at += n;
    }
  }
}
