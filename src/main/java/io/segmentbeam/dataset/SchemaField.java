package io.segmentbeam.dataset;

import java.io.Serializable;

/**
 * One field of a dataset schema.
 *
 * @param nullable whether the Avro type is a union with {@code "null"}, so cells may be empty
 * @param categorical a string of {@code |}-separated values ({@code "categorical": true})
 * @param textual unstructured text ({@code "textual": true}), which cannot be queried or filtered
 */
public record SchemaField(String name, FieldType type, boolean nullable, boolean categorical, boolean textual)
    implements Serializable {}
