package io.segmentbeam.bench;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The smallest Beam pipeline worth the name (three elements, one map, the Direct runner): what any
 * Beam program pays to start, which {@link StartupBenchmark} sets small jobs against.
 */
public final class BarePipeline {
  private BarePipeline() {}

  public static void main(String[] args) {
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.fromArgs(args).create());
    pipeline.apply(Create.of("a", "b", "c"))
        .apply(MapElements.into(TypeDescriptors.strings()).via((String element) -> element + "!"));
    pipeline.run().waitUntilFinish();
  }
}
