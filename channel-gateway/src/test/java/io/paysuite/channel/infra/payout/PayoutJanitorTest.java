package io.paysuite.channel.infra.payout;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paysuite.channel.health.ChannelStats;
import io.paysuite.channel.isolation.ChannelGuard;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paysuite.api.money.Money;
import io.paysuite.api.payout.PayoutPurpose;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.payout.Payout;
import io.paysuite.channel.payout.PayoutChannel;
import io.paysuite.channel.payout.PayoutProperties;
import io.paysuite.channel.payout.Payouts;
import io.paysuite.kit.sweep.Sweep;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The payout janitor asks about payouts PROCESSING longer than its age — and sets no timer chain of its own. */
class PayoutJanitorTest {

    final Instant now = Instant.parse("2026-12-06T14:00:00Z");
    final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    final InMemoryPayoutMapper mapper = new InMemoryPayoutMapper();
    final MyBatisPayoutRepository repository = new MyBatisPayoutRepository(mapper,
            new PayoutAccountSeal("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
    final List<String> asked = new CopyOnWriteArrayList<>();
    final List<String> timers = new CopyOnWriteArrayList<>();
    final PayoutProperties properties = new PayoutProperties("T", List.of(Duration.ofSeconds(5)), Duration.ofMinutes(1), "G",
            Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(15), 100);
    final PayoutChannel channel = new PayoutChannel() {
        @Override
        public String name() {
            return "TEST";
        }

        @Override
        public ChannelCall transfer(Payout payout) {
            throw new AssertionError("the janitor only asks");
        }

        @Override
        public ChannelCall query(Payout payout) {
            asked.add(payout.payoutNo());
            return new ChannelCall(Outcome.SUCCESS, "SUCCESS", null, "A1", null, null);
        }
    };
    final Payouts payouts = new Payouts(repository, List.of(channel), (no, attempt, delay) -> timers.add(no),
            (payout, to, raw, channelNo, at) -> repository.transition(payout.payoutNo(), PayoutStatus.PROCESSING, to, raw, channelNo, at),
            properties, new ChannelGuard(new ChannelStats(new SimpleMeterRegistry(), clock)), clock);

    @Test
    void aPayoutInFlightLongerThanItsAgeIsAskedAboutAndFinishedOnce() {
        insert("POOLD00001", now.minus(Duration.ofMinutes(20)), PayoutStatus.PROCESSING);
        insert("POYOUNG0001", now.minus(Duration.ofMinutes(2)), PayoutStatus.PROCESSING);
        insert("PODONE0001", now.minus(Duration.ofHours(1)), PayoutStatus.SUCCESS);
        Sweep<String> sweep = PayoutConfig.payouts(properties, mapper, payouts, clock, new SimpleMeterRegistry());

        Sweep.Report first = sweep.run();
        Sweep.Report second = sweep.run();

        assertThat(first.found()).isEqualTo(1);
        assertThat(second.found()).isZero();
        assertThat(asked).containsExactly("POOLD00001");
        assertThat(repository.find("POOLD00001").orElseThrow().status()).isEqualTo(PayoutStatus.SUCCESS);
        assertThat(timers).isEmpty();
    }

    private void insert(String no, Instant createdAt, PayoutStatus status) {
        repository.insert(new Payout(no, PayoutPurpose.WITHDRAWAL, "B1", Money.cny(100), "6222020200001234", "Buyer", null, status,
                null, null, createdAt, null));
    }
}
