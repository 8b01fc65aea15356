package io.syndication.gateway.proxy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.syndication.gateway.proxy.UpstreamCircuit.Pass;

class UpstreamCircuitTest {

    private long now;
    private final UpstreamCircuit circuit = new UpstreamCircuit(3, Duration.ofSeconds(5), () -> now);

    private void failAfter(Duration wait) {
        now += wait.toNanos();
        circuit.failed(circuit.admit(false));
    }

    @Test
    void failuresInARowOpenItHoweverFarApartTheyCome() {
        // a frozen upstream: each call ends at the 30 s response bound
        failAfter(Duration.ofSeconds(30));
        failAfter(Duration.ofSeconds(30));
        assertThat(circuit.admit(false), equalTo(Pass.CALL));
        failAfter(Duration.ZERO);
        assertThat(circuit.admit(false), equalTo(Pass.REFUSED));
        assertThat(circuit.admit(true), equalTo(Pass.REFUSED));
    }

    @Test
    void anAnswerStartsTheCountAfresh() {
        failAfter(Duration.ZERO);
        failAfter(Duration.ZERO);
        circuit.answered();
        failAfter(Duration.ZERO);
        failAfter(Duration.ZERO);
        assertThat(circuit.admit(false), equalTo(Pass.CALL));
    }

    @Test
    void anInconclusiveCallNeitherCountsNorClears() {
        failAfter(Duration.ZERO);
        failAfter(Duration.ZERO);
        circuit.inconclusive(circuit.admit(false));
        circuit.inconclusive(circuit.admit(true));
        failAfter(Duration.ZERO);
        assertThat(circuit.admit(false), equalTo(Pass.REFUSED));
    }

    @Test
    void afterTheOpenPeriodOneCallProbesAndItsAnswerClosesTheCircuit() {
        open();
        now += Duration.ofSeconds(5).toNanos();
        assertThat(circuit.admit(false), equalTo(Pass.PROBE));
        assertThat(circuit.admit(false), equalTo(Pass.REFUSED));
        circuit.answered();
        assertThat(circuit.admit(false), equalTo(Pass.CALL));
    }

    @Test
    void aProbesFailureOpensTheCircuitForAnotherPeriod() {
        open();
        now += Duration.ofSeconds(5).toNanos();
        circuit.failed(circuit.admit(false));
        assertThat(circuit.admit(false), equalTo(Pass.REFUSED));
        now += Duration.ofSeconds(5).toNanos();
        assertThat(circuit.admit(false), equalTo(Pass.PROBE));
    }

    @Test
    void aProbeWhoseCallerHungUpPassesItsTurnOn() {
        open();
        now += Duration.ofSeconds(5).toNanos();
        circuit.inconclusive(circuit.admit(false));
        assertThat(circuit.admit(false), equalTo(Pass.PROBE));
    }

    @Test
    void aLongWriteGoesAfterTheOpenPeriodButNeverHoldsTheProbe() {
        open();
        assertThat(circuit.admit(true), equalTo(Pass.REFUSED));
        now += Duration.ofSeconds(5).toNanos();
        assertThat(circuit.admit(true), equalTo(Pass.CALL));
        assertThat(circuit.admit(false), equalTo(Pass.PROBE));
        assertThat(circuit.admit(true), equalTo(Pass.CALL));
    }

    private void open() {
        for (int failure = 0; failure < 3; failure++) {
            failAfter(Duration.ZERO);
        }
        assertThat(circuit.admit(false), equalTo(Pass.REFUSED));
    }
}
