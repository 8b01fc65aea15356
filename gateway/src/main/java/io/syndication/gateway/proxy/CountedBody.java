package io.syndication.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.ReadStream;

/**
 * The caller's body as it streams to the upstream, counted: once it is over the upstream's limit no more
 * of it passes, and the call is abandoned ({@link #onTooLarge}), so that the gateway answers 413 itself
 * rather than the upstream cutting the body off part-way. A body with a Content-Length is held to its
 * declared length by HTTP itself; this counts one of unknown length (chunked, or HTTP/2 without a length).
 */
final class CountedBody implements ReadStream<Buffer> {

    private final HttpServerRequest incoming;
    private final long limit;
    private long received;
    private boolean tooLarge;
    private Runnable abandon = () -> { };

    CountedBody(HttpServerRequest incoming, long limit) {
        this.incoming = incoming;
        this.limit = limit;
    }

    /** What abandons the upstream call, once the body is over the limit. */
    void onTooLarge(Runnable abandon) {
        this.abandon = abandon;
    }

    /** Whether the body went over the limit, and its call was abandoned. */
    boolean tooLarge() {
        return tooLarge;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            incoming.handler(null);
            return this;
        }
        incoming.handler(chunk -> {
            if (tooLarge) {
                return;
            }
            received += chunk.length();
            if (received > limit) {
                tooLarge = true;
                incoming.pause();
                abandon.run();
            } else {
                handler.handle(chunk);
            }
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        incoming.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        incoming.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        if (!tooLarge) {
            incoming.resume();
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        if (!tooLarge) {
            incoming.fetch(amount);
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        incoming.endHandler(endHandler);
        return this;
    }
}
