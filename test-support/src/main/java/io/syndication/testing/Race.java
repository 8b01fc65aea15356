package io.syndication.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Racing callers: {@code count} calls on as many threads, released together, so they truly overlap. */
public final class Race {

    private Race() {
    }

    /** What each racer's call returned, by racer number (the call is given its number, 0 to count - 1). */
    public static <T> List<T> of(int count, IntFunction<T> call) {
        ExecutorService racers = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int racer = i;
                answers.add(racers.submit(() -> {
                    start.await();
                    return call.apply(racer);
                }));
            }
            start.countDown();
            List<T> collected = new ArrayList<>();
            for (Future<T> answer : answers) {
                collected.add(answer.get());
            }
            return collected;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while racing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A racer failed", e.getCause());
        } finally {
            racers.shutdownNow();
        }
    }
}
