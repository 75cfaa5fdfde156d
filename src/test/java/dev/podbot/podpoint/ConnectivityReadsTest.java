package dev.podbot.podpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.podbot.notify.DetectorFixtures;
import dev.podbot.podpoint.model.ConnectivityStatus;
import dev.podbot.podpoint.model.Pod;

/** The per-pod connectivity reads of one command overlap (issue 11), and a failed read is "unknown". */
class ConnectivityReadsTest {

    final ExecutorService pool = Executors.newFixedThreadPool(RoutingPodPointClient.PARALLEL_READS);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    static final Pod DRIVEWAY = DetectorFixtures.pod(1, 501, "Driveway");
    static final Pod STREET = DetectorFixtures.pod(2, 502, "Street");
    static final Pod GARAGE = DetectorFixtures.pod(3, 503, "Garage");

    @Test
    void everyPodIsReadAtTheSameTime() {
        // each read waits until all three are in flight: read one after the other, the first would never return
        CountDownLatch allInFlight = new CountDownLatch(3);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Map<Long, ConnectivityStatus> got = ConnectivityReads.concurrently(List.of(DRIVEWAY, STREET, GARAGE), pod -> {
            threads.add(Thread.currentThread().getName());
            allInFlight.countDown();
            try {
                assertThat(allInFlight.await(10, TimeUnit.SECONDS)).as("all three reads in flight together").isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return DetectorFixtures.conn("ONLINE", "AVAILABLE");
        }, pool);
        assertThat(got).containsOnlyKeys(501L, 502L, 503L);
        assertThat(threads).hasSize(3);
    }

    @Test
    void aPodWithItsLiveStatusCostsNoCallAndASingleReadStaysOnTheCallersThread() {
        ConnectivityStatus live = DetectorFixtures.conn("OFFLINE", null);
        Pod home = withLive(STREET, live);
        AtomicInteger calls = new AtomicInteger();
        String caller = Thread.currentThread().getName();
        Map<Long, ConnectivityStatus> got = ConnectivityReads.concurrently(List.of(DRIVEWAY, home), pod -> {
            calls.incrementAndGet();
            assertThat(Thread.currentThread().getName()).isEqualTo(caller);
            return DetectorFixtures.conn("ONLINE", "AVAILABLE");
        }, pool);
        assertThat(calls).hasValue(1);
        assertThat(got.get(502L)).isSameAs(live);
        assertThat(got.get(501L).onlineOrNull()).isTrue();
    }

    @Test
    void aFailedReadIsUnknownAndTheOthersStillCount() {
        Map<Long, ConnectivityStatus> got = ConnectivityReads.concurrently(List.of(DRIVEWAY, STREET), pod -> {
            if (pod.unitId() == 501) {
                throw new PodPointApiException("connectivity", 500, null);
            }
            return DetectorFixtures.conn("ONLINE", "AVAILABLE");
        }, pool);
        assertThat(got).containsOnlyKeys(502L);
    }

    @Test
    void aRejectedSignInFailsTheWholeRead() {
        assertThatThrownBy(() -> ConnectivityReads.concurrently(List.of(DRIVEWAY, STREET), pod -> {
            throw new SignInRejectedException(401, "token revoked");
        }, pool)).isInstanceOf(SignInRejectedException.class);
    }

    static Pod withLive(Pod p, ConnectivityStatus live) {
        return new Pod(p.id(), p.name(), p.ppid(), p.home(), p.description(), p.unitId(), p.timezone(),
                p.lastContactAt(), p.model(), p.statuses(), p.unitConnectors(), p.chargeSchedules(),
                p.chargeOverride(), "home", null, live);
    }
}
