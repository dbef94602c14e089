package io.segmentbeam.store;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.segmentbeam.api.BatchSegmentJob;
import io.segmentbeam.api.InvalidNextTokenException;
import io.segmentbeam.api.ResourceAlreadyExistsException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobStoreTest {
  static final ArnScope SCOPE = new ArnScope("aws", "us-east-1", "123456789012");
  static final JsonNode ALL = JsonNodeFactory.instance.objectNode();

  @TempDir Path home;

  static JobStore<BatchSegmentJob> store(Path home) {
    return new JobStore<>(new LocalDocuments(home), SCOPE, "batch-segment-job", BatchSegmentJob.class,
        BatchSegmentJob::jobName, BatchSegmentJob::creationDateTime);
  }

  static BatchSegmentJob job(String name, long createdMillis) {
    BigDecimal created = BigDecimal.valueOf(createdMillis, 3);
    return new BatchSegmentJob(SCOPE.arn("batch-segment-job", name), created, null, null, null, name, null, created,
        25, "arn:aws:iam::123456789012:role/r", "arn:aws:personalize:us-east-1:123456789012:solution/s/1",
        "CREATE PENDING");
  }

  /** A store holding job-0, job-1 and job-2, one millisecond apart. */
  static JobStore<BatchSegmentJob> storeWithThreeJobs(Path home) {
    JobStore<BatchSegmentJob> store = store(home);
    for (int i = 0; i < 3; i++) {
      store.create(job("job-" + i, 1000 + i));
    }
    return store;
  }

  @Test
  void secondCreateOfANameFails() {
    JobStore<BatchSegmentJob> store = store(home);
    store.create(job("a", 1000));
    ResourceAlreadyExistsException error =
        assertThrows(ResourceAlreadyExistsException.class, () -> store.create(job("a", 2000)));
    assertThat(error.getMessage(), containsString("a"));
    assertThat(store.find("a").orElseThrow().creationDateTime(), equalTo(BigDecimal.valueOf(1000, 3)));
  }

  @Test
  void twoHundredFiftyJobsListInPagesOf100() {
    JobStore<BatchSegmentJob> store = store(home);
    for (int i = 0; i < 250; i++) {
      store.create(job(String.format("job-%03d", i), 1_700_000_000_000L + i / 2)); // pairs share a timestamp
    }
    List<Integer> sizes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    String token = null;
    do {
      JobStore.Page<BatchSegmentJob> page = store.list(j -> true, ALL, 100, token);
      sizes.add(page.items().size());
      page.items().forEach(j -> names.add(j.jobName()));
      token = page.nextToken();
    } while (token != null);
    assertThat(sizes, equalTo(List.of(100, 100, 50)));
    assertThat(new HashSet<>(names).size(), equalTo(250));
    // Newest first; a shared timestamp orders by name.
    assertThat(names.get(0), equalTo("job-248"));
    assertThat(names.get(1), equalTo("job-249"));
    assertThat(names.get(249), equalTo("job-001"));
  }

  @Test
  void lastPageHasNoToken() {
    JobStore<BatchSegmentJob> store = store(home);
    store.create(job("only", 1000));
    assertThat(store.list(j -> true, ALL, 100, null).nextToken(), nullValue());
  }

  @Test
  void forgedTokenIsRefused() {
    JobStore<BatchSegmentJob> store = storeWithThreeJobs(home);
    String real = store.list(j -> true, ALL, 1, null).nextToken();
    assertThat(real, notNullValue());
    String forged = real.substring(0, real.indexOf('.')) + ".AAAA";
    for (String token : List.of("forged", forged, "e30.e30", real + "x")) {
      assertThrows(InvalidNextTokenException.class, () -> store.list(j -> true, ALL, 1, token), token);
    }
  }

  @Test
  void tokenOnlyContinuesItsOwnQuery() {
    JobStore<BatchSegmentJob> store = storeWithThreeJobs(home);
    String token = store.list(j -> true, ALL, 1, null).nextToken();
    JsonNode otherQuery = JsonNodeFactory.instance.objectNode().put("solutionVersionArn", "arn:x");
    assertThrows(InvalidNextTokenException.class, () -> store.list(j -> true, otherQuery, 1, token));
  }

  @Test
  void tokenFromAnotherStoreIsRefused(@TempDir Path otherHome) {
    JobStore<BatchSegmentJob> store = storeWithThreeJobs(home);
    JobStore<BatchSegmentJob> other = storeWithThreeJobs(otherHome);
    String token = other.list(j -> true, ALL, 1, null).nextToken();
    assertThrows(InvalidNextTokenException.class, () -> store.list(j -> true, ALL, 1, token));
  }

  @Test
  void twentyProcessesCreatingOneNameLeaveExactlyOneWinner() throws Exception {
    List<Process> processes = new ArrayList<>();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int i = 0; i < 20; i++) {
      processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          ConcurrentCreateMain.class.getName(), home.toString(), "contested", String.valueOf(i))
          .redirectErrorStream(true).start());
    }
    int created = 0;
    int alreadyExists = 0;
    Set<String> other = new HashSet<>();
    for (Process process : processes) {
      assertThat(process.waitFor(120, TimeUnit.SECONDS), equalTo(true));
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (output.equals("CREATED")) {
        created++;
      } else if (output.equals("ResourceAlreadyExistsException")) {
        alreadyExists++;
      } else {
        other.add(output);
      }
    }
    assertThat(other, equalTo(Set.of()));
    assertThat(created, equalTo(1));
    assertThat(alreadyExists, equalTo(19));
    assertThat(store(home).list(j -> true, ALL, 100, null).items().size(), equalTo(1));
  }

  /** One competing process: tries to create the job and prints what happened. */
  public static final class ConcurrentCreateMain {
    public static void main(String[] args) throws IOException {
      try {
        store(Path.of(args[0])).create(job(args[1], 1000 + Long.parseLong(args[2])));
        System.out.println("CREATED");
      } catch (ResourceAlreadyExistsException e) {
        System.out.println(e.errorType());
      }
    }
  }
}
