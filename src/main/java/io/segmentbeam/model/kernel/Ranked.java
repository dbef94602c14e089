package io.segmentbeam.model.kernel;

/**
 * One query's top users, best first, with their scores: what partial tops (of user shards) are
 * merged from.
 *
 * @param users user indexes, best first
 * @param scores each user's score, in the same order
 */
public record Ranked(int[] users, float[] scores) {}
