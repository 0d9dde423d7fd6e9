package dev.candleflow.simulator.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.simulator.binance.HeartbeatState.Action;
import org.junit.jupiter.api.Test;

class HeartbeatStateTest {

    private static final long INTERVAL = 20;
    private static final long TIMEOUT = 60;

    @Test
    void pingsOnTheInterval() {
        HeartbeatState state = new HeartbeatState(0, INTERVAL, TIMEOUT);
        assertThat(state.tick(19)).isEqualTo(Action.NONE);
        assertThat(state.tick(20)).isEqualTo(Action.PING);
        state.pongReceived();
        assertThat(state.tick(39)).isEqualTo(Action.NONE);
        assertThat(state.tick(40)).isEqualTo(Action.PING);
    }

    @Test
    void dropsWhenTheFirstUnansweredPingIsTooOld() {
        HeartbeatState state = new HeartbeatState(0, INTERVAL, TIMEOUT);
        assertThat(state.tick(20)).isEqualTo(Action.PING);
        assertThat(state.tick(40)).isEqualTo(Action.PING);
        assertThat(state.tick(60)).isEqualTo(Action.PING);
        assertThat(state.tick(79)).isEqualTo(Action.NONE);
        assertThat(state.tick(80)).isEqualTo(Action.DROP);
    }

    @Test
    void aPongAnswersAllOutstandingPings() {
        HeartbeatState state = new HeartbeatState(0, INTERVAL, TIMEOUT);
        state.tick(20);
        state.tick(40);
        state.pongReceived();
        assertThat(state.tick(80)).isEqualTo(Action.PING);
        assertThat(state.tick(139)).isEqualTo(Action.PING);
        assertThat(state.tick(140)).isEqualTo(Action.DROP);
    }

    @Test
    void unsolicitedPongBeforeAnyPingChangesNothing() {
        HeartbeatState state = new HeartbeatState(0, INTERVAL, TIMEOUT);
        state.pongReceived();
        assertThat(state.tick(20)).isEqualTo(Action.PING);
        assertThat(state.tick(80)).isEqualTo(Action.DROP);
    }
}
