package dev.marquee.experiment.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.testing.BothDatabases;
import dev.marquee.testing.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two server nodes on one database, many clients: batches that overlap (share events), share
 * viewers and aggregate rows, and are retried on the other node, all sent at once. Afterwards every
 * distinct event is stored and accepted exactly once, and every aggregate equals its recomputation
 * from the stored events ({@link AggregateRecount}).
 *
 * <p>Each node has its own EntityManagerFactory and ingestion stack, as two WildFly servers behind
 * a load balancer would; only the database is shared. On H2 (embedded, one process by design) the
 * nodes share the JVM's turn-taking.
 */
class TwoNodeIngestionTest {
  private static final int CLIENTS = 8;
  private static final int BATCHES = 64;
  private static final int FRESH_PER_BATCH = 80;
  private static final int OVERLAP_PER_BATCH = 20;
  private static final int VIEWERS = 150;

  @BothDatabases
  void manyClientsOnTwoNodesNeverLoseOrDoubleCount(TestDatabase db) throws Exception {
    List<IngestionNode> nodes = List.of(IngestionNode.on(db, 0), IngestionNode.on(db, 1));
    RunningExperiment x = RunningExperiment.create(nodes.get(0), 3, 2);
    Random random = new Random(20261124);
    String run = UUID.randomUUID().toString().substring(0, 8);
    Instant now = Instant.now().minusSeconds(30);

    List<IncomingEvent> distinct = new ArrayList<>();
    List<List<IncomingEvent>> batches = new ArrayList<>();
    for (int b = 0; b < BATCHES; b++) {
      List<IncomingEvent> batch = new ArrayList<>();
      for (int i = 0; i < OVERLAP_PER_BATCH && !distinct.isEmpty(); i++) {
        batch.add(distinct.get(random.nextInt(distinct.size())));
      }
      for (int i = 0; i < FRESH_PER_BATCH; i++) {
        IncomingEvent e = randomEvent(run + "-" + b + "-" + i, x, random, now);
        distinct.add(e);
        batch.add(e);
      }
      Collections.shuffle(batch, random);
      batches.add(batch);
    }
    // every batch goes to a random node; a third are retried (the client saw no answer) on the
    // other node at the same time as the first attempt may still be running
    List<int[]> sends = new ArrayList<>();
    for (int b = 0; b < BATCHES; b++) {
      int node = random.nextInt(2);
      sends.add(new int[] {b, node});
      if (random.nextInt(3) == 0) {
        sends.add(new int[] {b, 1 - node});
      }
    }
    Collections.shuffle(sends, random);

    ConcurrentLinkedQueue<int[]> work = new ConcurrentLinkedQueue<>(sends);
    Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    AtomicInteger clientRetries = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> clients = new ArrayList<>();
    for (int t = 0; t < CLIENTS; t++) {
      clients.add(
          pool.submit(
              () -> {
                go.await();
                for (int[] send; (send = work.poll()) != null; ) {
                  List<IncomingEvent> batch = batches.get(send[0]);
                  List<EventOutcome> outcomes = null;
                  // a well-behaved client: a failed batch (the server's 503) is sent again
                  for (int attempt = 0; outcomes == null; attempt++) {
                    try {
                      outcomes = nodes.get(send[1]).ingestion.ingest(batch);
                    } catch (RuntimeException e) {
                      if (attempt == 10) {
                        throw e;
                      }
                      clientRetries.incrementAndGet();
                    }
                  }
                  assertThat(outcomes).hasSize(batch.size());
                  for (EventOutcome o : outcomes) {
                    assertThat(o.status()).isNotEqualTo(EventOutcome.Status.REJECTED);
                    if (o.status() == EventOutcome.Status.ACCEPTED) {
                      accepted
                          .computeIfAbsent(o.eventId(), k -> new AtomicInteger())
                          .incrementAndGet();
                    }
                  }
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> f : clients) {
      f.get();
    }
    pool.shutdown();

    Set<String> ids = new java.util.HashSet<>();
    distinct.forEach(e -> ids.add(e.eventId()));
    assertThat(accepted.keySet()).as("every event accepted").isEqualTo(ids);
    assertThat(accepted.values()).as("each exactly once").allMatch(n -> n.get() == 1);
    assertThat(AggregateRecount.storedEventIds(db.dataSource(), x.id())).isEqualTo(ids);
    AggregateRecount.assertExact(db.dataSource(), x);
    System.out.printf(
        "%s: %d sends of %d batches by %d clients on 2 nodes, %d client retries%n",
        db, sends.size(), BATCHES, CLIENTS, clientRetries.get());
  }

  private static IncomingEvent randomEvent(
      String id, RunningExperiment x, Random random, Instant now) {
    int viewer = random.nextInt(VIEWERS);
    // a few viewers are sent with either group; most always with the same one
    int group = viewer % 10 == 0 ? random.nextInt(2) : viewer % 2;
    int roll = random.nextInt(20);
    EventType type =
        roll < 14 ? EventType.IMPRESSION : roll < 18 ? EventType.CLICK : EventType.PLAY;
    Integer seconds = type == EventType.PLAY ? random.nextInt(120) : null;
    return new IncomingEvent(
        id,
        x.id(),
        x.arms().get(viewer % 3),
        x.groups().get(group),
        "viewer-" + viewer,
        type,
        now.minus(random.nextInt(3), ChronoUnit.DAYS).minusSeconds(random.nextInt(3600)),
        seconds);
  }
}
