package io.segmentbeam.pipeline;

import io.segmentbeam.storage.JobStorage;
import io.segmentbeam.storage.StorageDoFn;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes one {@code <input name>.out} file per input file, its lines in input order, into the
 * job's staging folder, which the job publishes once every file is complete. Each file is written
 * whole by one element, under its literal name: no temporary files, no patterns matched, and a
 * retried element writes the same file again.
 */
public final class WriteSegmentFiles extends PTransform<PCollection<KV<String, KV<Long, String>>>, PCollection<String>> {
  public static final String OUTPUT_SUFFIX = ".out";

  private final JobStorage storage;
  private final String outputDirectory;

  /**
   * @param storage how the job writes its files
   * @param outputDirectory the folder, ending in {@code /}, that the files are written to
   */
  public WriteSegmentFiles(JobStorage storage, String outputDirectory) {
    this.storage = storage;
    this.outputDirectory = outputDirectory;
  }

  @Override
  public PCollection<String> expand(PCollection<KV<String, KV<Long, String>>> outputLines) {
    return outputLines
        .apply("GroupByInputFile", GroupByKey.create())
        .apply("RestoreInputOrder", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.lists(TypeDescriptors.strings())))
            .via(WriteSegmentFiles::inInputOrder))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ListCoder.of(StringUtf8Coder.of())))
        .apply("WriteOutFiles", ParDo.of(new WriteFileFn(storage, outputDirectory)));
  }

  private static KV<String, List<String>> inInputOrder(KV<String, Iterable<KV<Long, String>>> file) {
    List<KV<Long, String>> numbered = new ArrayList<>();
    file.getValue().forEach(numbered::add);
    numbered.sort(Comparator.comparing(KV::getKey));
    List<String> lines = new ArrayList<>(numbered.size());
    numbered.forEach(line -> lines.add(line.getValue()));
    return KV.of(file.getKey(), lines);
  }

  /** Writes a whole file's lines, each ending in a newline; outputs the file's name. */
  private static final class WriteFileFn extends StorageDoFn<KV<String, List<String>>, String> {
    private final String outputDirectory;

    WriteFileFn(JobStorage storage, String outputDirectory) {
      super(storage);
      this.outputDirectory = outputDirectory;
    }

    @ProcessElement
    public void process(@Element KV<String, List<String>> file, OutputReceiver<String> out) throws IOException {
      String name = file.getKey() + OUTPUT_SUFFIX;
      try (Writer writer = textFile(outputDirectory, name, "text/plain")) {
        for (String line : file.getValue()) {
          writer.write(line);
          writer.write('\n');
        }
      }
      out.output(name);
    }
  }
}
