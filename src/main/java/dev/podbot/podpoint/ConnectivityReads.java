package dev.podbot.podpoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.podbot.podpoint.model.ConnectivityStatus;
import dev.podbot.podpoint.model.Pod;
import io.quarkus.logging.Log;

/** Reads the connectivity of several pods for one command, each pod's call on a bounded pool (issue 11). */
final class ConnectivityReads {

    private ConnectivityReads() {
    }

    /** Every pod's status by unit id: {@link Pod#live()} where present, else {@code read} run on {@code pool}. */
    static Map<Long, ConnectivityStatus> concurrently(List<Pod> pods, Function<Pod, ConnectivityStatus> read,
            ExecutorService pool) {
        Map<Long, ConnectivityStatus> out = new HashMap<>();
        List<Pod> toRead = new ArrayList<>();
        for (Pod pod : pods) {
            if (pod == null) {
                continue;
            }
            if (pod.live() != null) {
                out.put(pod.unitId(), pod.live());
            } else {
                toRead.add(pod);
            }
        }
        if (toRead.size() == 1) { // nothing to overlap: no hand-over to another thread
            put(out, toRead.get(0), orUnknown(() -> read.apply(toRead.get(0))));
            return out;
        }
        List<CompletableFuture<ConnectivityStatus>> futures = new ArrayList<>();
        for (Pod pod : toRead) {
            futures.add(CompletableFuture.supplyAsync(() -> orUnknown(() -> read.apply(pod)), pool));
        }
        for (int i = 0; i < toRead.size(); i++) {
            try {
                put(out, toRead.get(i), futures.get(i).join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re; // a rejected sign-in (or MFA): the whole command must know
                }
                throw e;
            }
        }
        return out;
    }

    private static void put(Map<Long, ConnectivityStatus> out, Pod pod, ConnectivityStatus c) {
        if (c != null) {
            out.put(pod.unitId(), c);
        }
    }

    /** The read's answer; null when Pod Point failed it (shown as unknown), except a sign-in problem. */
    static ConnectivityStatus orUnknown(Supplier<ConnectivityStatus> read) {
        try {
            return read.get();
        } catch (SignInRejectedException | MfaRequiredException e) {
            throw e;
        } catch (PodPointException e) {
            Log.debugf("A connectivity read failed (%s); shown as unknown", e.getClass().getSimpleName());
            return null;
        }
    }
}
