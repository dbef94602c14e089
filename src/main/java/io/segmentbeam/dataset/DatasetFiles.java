package io.segmentbeam.dataset;

import java.io.Serializable;

/**
 * Where one dataset lies: its CSV file (or folder ending in {@code /}) and its Avro schema file,
 * as absolute paths or URIs. Serializable, so that pipelines carry it to workers.
 */
public record DatasetFiles(String dataLocation, String schemaLocation) implements Serializable {}
