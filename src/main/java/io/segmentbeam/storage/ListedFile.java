package io.segmentbeam.storage;

import java.io.Serializable;

/** A file a listing found: its path as Beam's FileSystems name it, and its size in bytes. */
public record ListedFile(String path, long sizeBytes) implements Serializable {}
