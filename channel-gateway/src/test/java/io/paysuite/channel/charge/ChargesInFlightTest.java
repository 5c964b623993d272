package io.paysuite.channel.charge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The registry's own rules: bounded, one entry per order, an entry ended by its own charge only. */
class ChargesInFlightTest {

    final ChargesInFlight inFlight = new ChargesInFlight(new FollowUpProperties(Duration.ofSeconds(60), Duration.ofSeconds(5),
            Duration.ofSeconds(30), Duration.ofSeconds(2), 2));

    @Test
    void aChargeBeyondTheBoundIsNotRegisteredAndAnEndedChargeFreesItsRoom() {
        ChargesInFlight.Registration first = inFlight.start("C1");
        ChargesInFlight.Registration second = inFlight.start("C2");
        try (ChargesInFlight.Registration third = inFlight.start("C3")) {
            assertThat(inFlight.of("C3")).as("full: its notification is queried as before").isEmpty();
        }
        assertThat(inFlight.size()).isEqualTo(2);

        first.close();
        first.close();
        assertThat(inFlight.of("C1")).isEmpty();
        try (ChargesInFlight.Registration third = inFlight.start("C3")) {
            assertThat(inFlight.of("C3")).as("closing twice frees one room, once").isPresent();
            assertThat(inFlight.start("C4")).isSameAs(ChargesInFlight.Registration.NONE);
        }
        second.close();
        assertThat(inFlight.size()).isZero();
    }

    @Test
    void aSecondChargeOfTheSameOrderLeavesTheFirstsEntryAlone() {
        ChargesInFlight.Registration first = inFlight.start("C1");
        ChargesInFlight.Charge charge = inFlight.of("C1").orElseThrow();
        inFlight.start("C1").close();
        assertThat(inFlight.of("C1")).contains(charge);
        assertThat(charge.awaitEnd(Duration.ZERO)).as("still under way").isFalse();

        first.close();
        assertThat(charge.awaitEnd(Duration.ZERO)).as("its waiters are woken").isTrue();
        assertThat(inFlight.of("C1")).isEmpty();
    }

    @Test
    void anInterruptedWaitEndsAtOnceAndKeepsTheInterrupt() {
        inFlight.start("C1");
        Thread.currentThread().interrupt();
        try {
            assertThat(inFlight.of("C1").orElseThrow().awaitEnd(Duration.ofSeconds(10))).isFalse();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aNotificationMayNotWaitLongerThanTheChannelWaitsForItsAnswer() {
        assertThatThrownBy(() -> new FollowUpProperties(Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(5), 1000)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notify-waits-for-charge");
        assertThatThrownBy(() -> new FollowUpProperties(Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(2), 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("charges-in-flight");
    }
}
