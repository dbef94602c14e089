package io.segmentbeam.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/** What a progress line says while input is still being read, and once it all has been. */
class JobProgressTest {

  @Test
  void whileReadingTheTotalIsNotKnownYet() {
    assertThat(JobProgress.line(3, 20, 1_500, 200, 4.0),
        equalTo("progress: 200 lines done, 1,500 read so far (3 of 20 input files), 50 lines/s"));
  }

  @Test
  void onceEverythingIsReadTheTimeLeftFollowsFromTheRate() {
    assertThat(JobProgress.line(20, 20, 10_000, 2_500, 10.0),
        equalTo("progress: 2,500 of 10,000 lines done, 250 lines/s, about 30 s left"));
  }
}
