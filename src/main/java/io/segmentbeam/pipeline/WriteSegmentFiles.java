package io.segmentbeam.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes one {@code <input name>.out} file per input file, its lines in input order. Files are
 * staged in a temporary folder and only moved into the output folder once every one of them is
 * complete, so a failed job leaves no partial output.
 */
public final class WriteSegmentFiles
    extends PTransform<PCollection<KV<String, KV<Long, String>>>, WriteFilesResult<String>> {
  public static final String OUTPUT_SUFFIX = ".out";

  private final String outputDirectory;
  private final String tempDirectory;

  public WriteSegmentFiles(String outputDirectory, String tempDirectory) {
    this.outputDirectory = outputDirectory;
    this.tempDirectory = tempDirectory;
  }

  @Override
  public WriteFilesResult<String> expand(PCollection<KV<String, KV<Long, String>>> outputLines) {
    return outputLines
        .apply("GroupByInputFile", GroupByKey.create())
        .apply("RestoreInputOrder", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.lists(TypeDescriptors.strings())))
            .via(WriteSegmentFiles::inInputOrder))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(StringUtf8Coder.of())))
        .apply("WriteOutFiles", FileIO.<String, KV<String, List<String>>>writeDynamic()
            .by(KV::getKey)
            .withDestinationCoder(StringUtf8Coder.of())
            .via(new LinesSink())
            .to(outputDirectory)
            .withTempDirectory(tempDirectory)
            .withNaming(name -> (window, pane, numShards, shardIndex, compression) -> name + OUTPUT_SUFFIX)
            .withNumShards(1));
  }

  private static KV<String, List<String>> inInputOrder(KV<String, Iterable<KV<Long, String>>> file) {
    List<KV<Long, String>> numbered = new ArrayList<>();
    file.getValue().forEach(numbered::add);
    numbered.sort(Comparator.comparing(KV::getKey));
    List<String> lines = new ArrayList<>(numbered.size());
    numbered.forEach(line -> lines.add(line.getValue()));
    return KV.of(file.getKey(), lines);
  }

  /** Writes a whole file's lines, each ending in a newline. */
  private static final class LinesSink implements FileIO.Sink<KV<String, List<String>>> {
    private transient Writer writer;

    @Override
    public void open(WritableByteChannel channel) {
      OutputStream stream = Channels.newOutputStream(channel);
      writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public void write(KV<String, List<String>> file) throws IOException {
      for (String line : file.getValue()) {
        writer.write(line);
        writer.write('\n');
      }
    }

    @Override
    public void flush() throws IOException {
      writer.flush();
    }
  }
}
