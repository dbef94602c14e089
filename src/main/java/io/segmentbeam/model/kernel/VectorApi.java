package io.segmentbeam.model.kernel;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Code that uses the JDK Vector API, an incubator module that is there only when Java starts with
 * {@code --add-modules jdk.incubator.vector}. Such code lives in its own class, loaded by name only
 * when the module is present, so that the rest runs (with portable code) where it is not.
 */
public final class VectorApi {
  private VectorApi() {}

  /**
   * What {@code vectorized} makes (it loads a Vector API class by name and creates one) when the
   * module is enabled and that works; what {@code portable} makes otherwise.
   */
  public static <T> T orElse(Callable<T> vectorized, Supplier<T> portable) {
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
      try {
        return vectorized.call();
      } catch (Exception | LinkageError e) {
        return portable.get();
      }
    }
    return portable.get();
  }
}
