package io.syndication.http;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the platform takes a request's body ({@link RequestBodies}); its size limit is Quarkus'
 * {@code quarkus.http.limits.max-body-size}.
 */
@ConfigMapping(prefix = "platform.http.body")
public interface RequestBodyConfig {

    /**
     * How long a body may stop arriving before the request is refused (400) and its connection closed.
     * Longer than the gateway's bound on an upstream's silence for every request but long writes (10 s),
     * so that through the gateway its own answer comes first; short of what a stalled caller could hold
     * a connection for otherwise (Quarkus' idle timeout, 30 minutes). Zero leaves bodies unwatched: the
     * gateway's, which its bound on the upstream's silence and the service's own watch end.
     */
    @WithDefault("30s")
    Duration stallTimeout();

    /**
     * Whether a body of unknown length (chunked) is read whole before the resource sees it, and so
     * counted against the size limit with a problem answer: a service's, which reads it whole anyway. The
     * gateway streams bodies and counts them against each upstream's limit as they pass.
     */
    @WithDefault("true")
    boolean readUnsized();
}
