package io.syndication.events;

import java.time.Duration;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Background work done in rounds, one at a time, for as long as the service runs: the next round
 * starts at once when the last one found more to do, after {@code idle} when it found nothing, and
 * after doubling pauses (up to {@code mostBackoff}) while rounds fail.
 */
public final class Rounds {

    private static final Logger LOG = Logger.getLogger(Rounds.class);

    private final Vertx vertx;
    private final String work;
    private final Duration idle;
    private final Duration mostBackoff;
    /** One round; its item says whether there is more to do at once. */
    private final Supplier<Uni<Boolean>> round;
    private volatile boolean stopped;
    private volatile long timer = -1;
    private Duration backoff;

    public Rounds(Vertx vertx, String work, Duration idle, Duration mostBackoff, Supplier<Uni<Boolean>> round) {
        this.vertx = vertx;
        this.work = work;
        this.idle = idle;
        this.mostBackoff = mostBackoff;
        this.round = round;
        this.backoff = idle;
    }

    public void start() {
        next(Duration.ZERO);
    }

    /** No round starts after this; one under way finishes. */
    public void stop() {
        stopped = true;
        vertx.cancelTimer(timer);
    }

    private void next(Duration delay) {
        if (stopped) {
            return;
        }
        Runnable run = () -> {
            if (!stopped) {
                round.get().subscribe().with(this::done, this::failed);
            }
        };
        if (delay.isZero()) {
            vertx.runOnContext(run);
        } else {
            timer = vertx.setTimer(delay.toMillis(), fired -> run.run());
        }
    }

    private void done(boolean more) {
        backoff = idle;
        next(more ? Duration.ZERO : idle);
    }

    private void failed(Throwable failure) {
        LOG.warnf("%s failed (%s); trying again in %d ms", work, failure.toString(), backoff.toMillis());
        Duration wait = backoff;
        backoff = backoff.multipliedBy(2).compareTo(mostBackoff) > 0 ? mostBackoff : backoff.multipliedBy(2);
        next(wait);
    }
}
