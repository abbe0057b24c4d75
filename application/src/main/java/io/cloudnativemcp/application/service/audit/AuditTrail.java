package io.cloudnativemcp.application.service.audit;

import io.cloudnativemcp.application.port.out.AuditLogRepository;
import io.cloudnativemcp.application.port.out.AuditUnavailableException;
import io.cloudnativemcp.application.port.out.MetricsRecorder;
import io.cloudnativemcp.application.port.out.StoreUnavailableException;
import io.cloudnativemcp.application.settings.AuditSettings;
import io.cloudnativemcp.domain.audit.AuditEvent;
import io.cloudnativemcp.domain.audit.AuditOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where use cases record what happened. Records wait in a bounded buffer and one writer thread
 * stores them in batches; when the store is down they stay in the buffer and are written when it
 * returns. When the buffer is full the trail refuses new records (fail closed), so the caller
 * refuses the request instead of acting unaudited. Records that must exist before an action (a
 * mutating tool call) are written synchronously with {@link #recordBefore} and completed later.
 */
@ApplicationScoped
public class AuditTrail {
  private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private AuditLogRepository repository;
  private AuditSettings settings;
  private MetricsRecorder metrics;
  private BlockingQueue<Object> buffer;
  private Thread writer;
  private volatile boolean stopping;
  private volatile boolean storeHealthy = true;
  /** Records accepted but not yet stored, counted on the way in and out (no race with the writer). */
  private final java.util.concurrent.atomic.AtomicInteger unstored = new java.util.concurrent.atomic.AtomicInteger();

  /** For CDI's client proxy only. */
  protected AuditTrail() {}

  @Inject
  public AuditTrail(AuditLogRepository repository, AuditSettings settings, MetricsRecorder metrics) {
    this.repository = repository;
    this.settings = settings;
    this.metrics = metrics;
    this.buffer = new ArrayBlockingQueue<>(settings.bufferCapacity());
    metrics.auditBufferDepth(this::depth);
  }

  /** Starts the writer thread; until then records only accumulate. */
  public synchronized void start() {
    if (writer != null) {
      return;
    }
    stopping = false;
    writer = new Thread(this::writeLoop, "audit-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Queues a record.
   *
   * @throws AuditUnavailableException when the buffer is full and {@code audit.failClosed} is on
   */
  public void record(AuditEvent event) {
    if (!settings.enabled()) {
      return;
    }
    enqueue(event);
  }

  /**
   * Writes a record before its action runs and returns its id; complete it with {@link #complete}.
   *
   * @throws AuditUnavailableException when it cannot be written now (the action must not run)
   */
  public long recordBefore(AuditEvent pending) {
    if (!settings.enabled()) {
      return -1;
    }
    try {
      // Always try the store: a success is also how a recovered store is noticed.
      long id = repository.append(pending).id();
      storeHealthy = true;
      return id;
    } catch (StoreUnavailableException e) {
      storeHealthy = false;
      if (settings.failClosed()) {
        throw new AuditUnavailableException(
            "The audit store is unavailable; changes to the cluster are refused until it is back.");
      }
      // Not failing closed: no pending row; the caller records the final outcome as usual.
      return -1;
    }
  }

  /** Records the final outcome of a record written with {@link #recordBefore}. */
  public void complete(long id, AuditOutcome outcome, String error, long durationMs) {
    if (!settings.enabled() || id < 0) {
      return;
    }
    enqueue(new AuditLogRepository.Completion(id, outcome, error, durationMs));
  }

  private void enqueue(Object item) {
    unstored.incrementAndGet();
    if (buffer.offer(item)) {
      return;
    }
    unstored.decrementAndGet();
    if (settings.failClosed()) {
      throw new AuditUnavailableException(
          "The audit buffer is full because the audit store is not keeping up; the request is refused rather than left unaudited.");
    }
    LOG.warning("The audit buffer is full and audit.failClosed is false: a record was dropped.");
  }

  /** Whether new records are accepted right now (for readiness and early refusal). */
  public boolean accepting() {
    return !settings.enabled() || !settings.failClosed() || buffer.remainingCapacity() > 0;
  }

  /** Records waiting to be stored, including the batch being written. */
  public int depth() {
    return unstored.get();
  }

  public boolean storeHealthy() {
    return storeHealthy;
  }

  /**
   * Stops accepting the writer's pace and writes what is buffered, waiting up to {@code timeout}.
   *
   * @return whether everything was stored
   */
  public boolean flush(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (depth() > 0 && System.nanoTime() < deadline) {
      if (writer == null) {
        writeOnce();
      } else {
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    return depth() == 0;
  }

  /** Flushes, then stops the writer (graceful shutdown). */
  public boolean stop(Duration timeout) {
    boolean flushed = flush(timeout);
    stopping = true;
    if (writer != null) {
      writer.interrupt();
      try {
        writer.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      writer = null;
    }
    if (!flushed) {
      LOG.severe("Shutdown: " + depth() + " audit record(s) could not be stored before the timeout.");
    }
    return flushed;
  }

  private void writeLoop() {
    Duration backoff = Duration.ofMillis(100);
    while (!stopping) {
      try {
        if (writeOnce()) {
          backoff = Duration.ofMillis(100);
        } else {
          Thread.sleep(backoff.toMillis());
          backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
      } catch (InterruptedException e) {
        if (stopping) {
          return;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "audit writer", e);
      }
    }
  }

  private final List<Object> batch = new ArrayList<>();
  /** Identifies {@link #batch} to the store, so that a retry after an unclear failure stores it once. */
  private String batchKey;
  private final Object batchLock = new Object();

  /**
   * Writes one batch. The batch stays in memory until the store accepts it, so nothing is lost
   * while the store is down.
   *
   * @return false when the store failed (the caller backs off)
   */
  private boolean writeOnce() {
    synchronized (batchLock) {
      return writeBatch();
    }
  }

  private boolean writeBatch() {
    if (batch.isEmpty()) {
      try {
        Object first = writer == null ? buffer.poll() : buffer.poll(AuditSettings.MAX_WRITE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
          return true;
        }
        batch.add(first);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return true;
      }
      buffer.drainTo(batch, settings.batchSize() - 1);
      batchKey = UUID.randomUUID().toString();
    }
    List<AuditEvent> events = new ArrayList<>(batch.size());
    List<AuditLogRepository.Completion> completions = new ArrayList<>();
    for (Object o : batch) {
      if (o instanceof AuditEvent e) {
        events.add(e);
      } else {
        completions.add((AuditLogRepository.Completion) o);
      }
    }
    long started = System.nanoTime();
    try {
      repository.write(batchKey, events, completions);
    } catch (StoreUnavailableException e) {
      if (storeHealthy) {
        LOG.warning("The audit store is unavailable; " + depth() + " record(s) wait in the buffer: " + e.getMessage());
      }
      storeHealthy = false;
      return false;
    }
    metrics.auditWrite(batch.size(), System.nanoTime() - started);
    if (!storeHealthy) {
      LOG.info("The audit store is back; buffered records are being written.");
    }
    storeHealthy = true;
    unstored.addAndGet(-batch.size());
    batch.clear();
    return true;
  }
}
