package io.segmentbeam.report;

import java.util.List;

/**
 * What the page shows of each line beyond its output: the user base its segment is compared with,
 * and what the model and the filter say of it.
 *
 * @param users the Users dataset read, or null
 * @param usersNote where the Users dataset was read from, or why there is none
 * @param scores for each served line, in order; empty when the model could not score them
 * @param scoresNote why there are no scores, or null
 */
record LineContext(UserBase users, String usersNote, List<LineScores> scores, String scoresNote) {}
