package io.syndication.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Independent calls made at once: the demo data's partners and channels are each built by calls of
 * their own, and made one after another they spent most of a start waiting on answers.
 */
final class InParallel {

    private InParallel() {
    }

    /** {@code call} of each element, all at once; the results in the elements' order, or the first failure in that order. */
    static <T, R> List<R> map(List<T> elements, Function<T, R> call) {
        ExecutorService threads = Executors.newFixedThreadPool(elements.size());
        try {
            List<Future<R>> calls = elements.stream().map(element -> threads.submit(() -> call.apply(element))).toList();
            List<R> results = new ArrayList<>(calls.size());
            for (Future<R> made : calls) {
                results.add(made.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while building the demo data", e);
        } finally {
            threads.shutdownNow();
        }
    }
}
