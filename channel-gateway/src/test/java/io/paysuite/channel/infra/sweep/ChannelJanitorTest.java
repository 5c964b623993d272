package io.paysuite.channel.infra.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paysuite.channel.charge.ChannelCharges;
import io.paysuite.kit.sweep.Sweep;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Channel orders whose follow-up timers were lost are followed up by the janitor through
 * {@link ChannelCharges#followUp} with attempt 0, which schedules no timer: a sweep never starts a
 * second timer chain beside a live one.
 */
class ChannelJanitorTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void ordersNotFinalPastTheirAgeAreFollowedUpOnceWithoutANewTimerChain() {
        ChannelCharges charges = mock(ChannelCharges.class);
        AtomicReference<LocalDateTime> askedBefore = new AtomicReference<>();
        ChannelSweepMapper sweeps = (before, limit) -> {
            askedBefore.set(before);
            return List.of("C2026120611000001000010001", "C2026120611000001000010002");
        };
        Sweep<String> sweep = ChannelJanitor.channelOrders(new ChannelJanitorProperties(Duration.ofMinutes(1),
                Duration.ofMinutes(10), 100), sweeps, charges, Clock.fixed(NOW, ZoneOffset.UTC), new SimpleMeterRegistry());

        assertThat(sweep.run()).isEqualTo(new Sweep.Report("channel orders", 2, 0));

        assertThat(askedBefore.get()).isEqualTo(LocalDateTime.parse("2026-12-06T11:50:00"));
        verify(charges).followUp("C2026120611000001000010001", 0);
        verify(charges).followUp("C2026120611000001000010002", 0);
        verifyNoMoreInteractions(charges);
    }
}
