package io.segmentbeam.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.segmentbeam.api.ApiJson;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Prints responses the way the AWS CLI does: four-space indents and {@code "key": value}. */
final class CliJson {
  private static final ObjectWriter WRITER = ApiJson.mapper().writer(new AwsCliPrinter());

  private CliJson() {}

  static String format(Object value) {
    try {
      return WRITER.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class AwsCliPrinter extends DefaultPrettyPrinter {
    private static final long serialVersionUID = 1L;

    AwsCliPrinter() {
      DefaultIndenter indenter = new DefaultIndenter("    ", "\n");
      indentObjectsWith(indenter);
      indentArraysWith(indenter);
    }

    AwsCliPrinter(AwsCliPrinter base) {
      super(base);
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
      return new AwsCliPrinter(this);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(": ");
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
      if (nrOfValues == 0) {
        _nesting--;
        g.writeRaw(']');
      } else {
        super.writeEndArray(g, nrOfValues);
      }
    }

    @Override
    public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
      if (nrOfEntries == 0) {
        _nesting--;
        g.writeRaw('}');
      } else {
        super.writeEndObject(g, nrOfEntries);
      }
    }
  }
}
