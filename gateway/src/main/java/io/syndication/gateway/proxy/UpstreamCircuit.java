package io.syndication.gateway.proxy;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The circuit to one upstream. Closed, every call goes. A number of failures in a row (refused,
 * reset, or silent past its bound), however far apart they come, open it: calls are refused at once,
 * without reaching the upstream. Once the open period has passed, one call probes: its answer closes
 * the circuit, its failure opens it for another period. An outcome that says nothing of the
 * upstream's health (the caller hung up, a long write ran past its own bound) neither counts nor
 * clears. Shared by the event loops, hence synchronized: a few field updates per call.
 */
final class UpstreamCircuit {

    /** How a call may go: not at all, as an ordinary call, or as the one probe of an open circuit. */
    enum Pass {
        REFUSED, CALL, PROBE
    }

    private final int failuresToOpen;
    private final long openNanos;
    private final LongSupplier nanoTime;

    private int failures;
    private boolean open;
    private long openedAt;
    private boolean probing;

    UpstreamCircuit(int failuresToOpen, Duration openFor) {
        this(failuresToOpen, openFor, System::nanoTime);
    }

    UpstreamCircuit(int failuresToOpen, Duration openFor, LongSupplier nanoTime) {
        this.failuresToOpen = failuresToOpen;
        this.openNanos = openFor.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * Whether a call may go now. A long write goes once the open period has passed but never as the
     * probe: it could hold the circuit half-open for minutes, refusing every fast call meanwhile.
     */
    synchronized Pass admit(boolean longWrite) {
        if (!open) {
            return Pass.CALL;
        }
        if (nanoTime.getAsLong() - openedAt < openNanos) {
            return Pass.REFUSED;
        }
        if (longWrite) {
            return Pass.CALL;
        }
        if (probing) {
            return Pass.REFUSED;
        }
        probing = true;
        return Pass.PROBE;
    }

    /** Whether calls are being refused (or only one probes): what the upstreams' metrics report. */
    synchronized boolean isOpen() {
        return open;
    }

    /** The upstream answered (any status): it is reachable, whatever calls from before still fail. */
    synchronized void answered() {
        failures = 0;
        open = false;
        probing = false;
    }

    synchronized void failed(Pass pass) {
        failures++;
        if (pass == Pass.PROBE || failures >= failuresToOpen) {
            open = true;
            openedAt = nanoTime.getAsLong();
        }
        if (pass == Pass.PROBE) {
            probing = false;
        }
    }

    /** The call ended without telling anything of the upstream; a probe's turn passes to the next call. */
    synchronized void inconclusive(Pass pass) {
        if (pass == Pass.PROBE) {
            probing = false;
        }
    }
}
