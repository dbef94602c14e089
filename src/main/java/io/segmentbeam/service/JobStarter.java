package io.segmentbeam.service;

import io.segmentbeam.api.PersonalizeException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Starts the endpoint's jobs as Personalize does: a create answers as soon as its job is recorded
 * (CREATE PENDING), and the job runs after the answer, on one of a bounded number of workers;
 * a job recorded while all are busy stays pending until one is free. The quota of jobs pending or
 * in progress is the job service's, so at most that many wait.
 */
final class JobStarter implements AutoCloseable {
  private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "segmentbeam-job");
    thread.setDaemon(true);
    return thread;
  });
  private final Semaphore workers;
  /** Threads of recorded jobs waiting for a worker, interrupted when the endpoint closes. */
  private final Set<Thread> waiting = ConcurrentHashMap.newKeySet();

  JobStarter(int workers) {
    this.workers = new Semaphore(workers, true);
  }

  /** A create that records its job, tells {@code recorded} its ARN, then runs it to its end. */
  @FunctionalInterface
  interface Create {
    void run(Consumer<String> recorded);
  }

  /** Starts a create; returns its job's ARN once recorded, or throws the request's error. */
  String start(Create create) {
    CompletableFuture<String> recorded = new CompletableFuture<>();
    threads.execute(() -> {
      AtomicBoolean working = new AtomicBoolean();
      try {
        create.run(arn -> {
          recorded.complete(arn);
          waiting.add(Thread.currentThread());
          try {
            workers.acquire();
          } catch (InterruptedException e) {
            // The endpoint is closing: the job never starts, and the stop of the process ends it.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the endpoint closed before the job could start", e);
          } finally {
            waiting.remove(Thread.currentThread());
          }
          working.set(true);
        });
      } catch (RuntimeException e) {
        if (!recorded.completeExceptionally(e)) {
          System.err.println("warning: a job ended with an error after it was recorded: " + e.getMessage());
        }
      } finally {
        if (working.get()) {
          workers.release();
        }
      }
    });
    try {
      return recorded.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof PersonalizeException apiError) {
        throw apiError;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the job was being recorded", e);
    }
  }

  /** Takes no more jobs; jobs waiting for a worker never start, running ones go on. */
  @Override
  public void close() {
    threads.shutdown();
    waiting.forEach(Thread::interrupt);
  }
}
