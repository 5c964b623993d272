package io.paysuite.channel.charge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.kit.shadow.ShadowContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The memory's own rules: final results only, bounded by size and age, and each side (load or real) apart. */
class RecentFinalsTest {

    Instant now = Instant.parse("2026-11-29T14:00:00Z");
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aFinalResultIsRememberedAsItsCompareAndSetWroteItAndRepeatedOnlyByTheSameResult() {
        RecentFinals recent = new RecentFinals(new RecentFinalsProperties(10, Duration.ofMinutes(5)), clock);
        recent.recorded(order("C1", ChannelOrderStatus.SUCCESS, "2026112922001"));

        RecentFinals.Final held = recent.of("C1").orElseThrow();
        assertThat(held.channel()).isEqualTo(ChannelCode.ALIPAY);
        assertThat(held.repeatedBy(new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "", "2026112922001", null, 100L, "CNY"))).isTrue();
        assertThat(held.repeatedBy(new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "", "2026112922002", null, 100L, "CNY"))).isFalse();
        assertThat(held.repeatedBy(new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "", "2026112922001", null, 1L, "CNY"))).isFalse();
        assertThat(held.repeatedBy(new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "", "2026112922001", null, null))).isFalse();
        assertThat(held.repeatedBy(ChannelCall.of(Outcome.FAILURE, "TRADE_CLOSED", ""))).isFalse();
        assertThat(recent.of("C2")).isEmpty();
    }

    @Test
    void anOpenOrderIsNotRemembered() {
        RecentFinals recent = new RecentFinals(new RecentFinalsProperties(10, Duration.ofMinutes(5)), clock);
        recent.recorded(order("C1", ChannelOrderStatus.PROCESSING, "2026112922001"));
        recent.recorded(order("C2", ChannelOrderStatus.REVERSING, null));

        assertThat(recent.of("C1")).isEmpty();
        assertThat(recent.size()).isZero();
    }

    @Test
    void theOldestIsForgottenBeyondTheSizeAndAnyOlderThanKeep() {
        RecentFinals recent = new RecentFinals(new RecentFinalsProperties(2, Duration.ofMinutes(5)), clock);
        recent.recorded(order("C1", ChannelOrderStatus.SUCCESS, "1"));
        now = now.plusSeconds(60);
        recent.recorded(order("C2", ChannelOrderStatus.SUCCESS, "2"));
        recent.recorded(order("C3", ChannelOrderStatus.FAILED, null));

        assertThat(recent.of("C1")).as("the oldest, beyond the size").isEmpty();
        assertThat(recent.of("C2")).isPresent();
        assertThat(recent.size()).isEqualTo(2);

        now = now.plus(Duration.ofMinutes(5)).plusMillis(1);
        assertThat(recent.of("C2")).as("older than keep: the order is read").isEmpty();
        recent.recorded(order("C4", ChannelOrderStatus.SUCCESS, "4"));
        assertThat(recent.size()).as("the expired ones are dropped as new ones come").isEqualTo(1);
    }

    @Test
    void sizeZeroRemembersNothing() {
        RecentFinals recent = new RecentFinals(new RecentFinalsProperties(0, Duration.ofMinutes(5)), clock);
        recent.recorded(order("C1", ChannelOrderStatus.SUCCESS, "1"));

        assertThat(recent.of("C1")).isEmpty();
        assertThat(recent.size()).isZero();
    }

    @Test
    void aResultOfLoadTrafficAnswersOnlyLoadTrafficAsItsShadowRowWould() {
        RecentFinals recent = new RecentFinals(new RecentFinalsProperties(10, Duration.ofMinutes(5)), clock);
        try (ShadowContext.Scope load = ShadowContext.enter()) {
            recent.recorded(order("C1", ChannelOrderStatus.SUCCESS, "1"));
            assertThat(recent.of("C1")).isPresent();
        }
        assertThat(recent.of("C1")).as("a real notification reads the real side").isEmpty();
    }

    @Test
    void aNegativeSizeOrKeepIsRefusedAtStart() {
        assertThatThrownBy(() -> new RecentFinalsProperties(-1, Duration.ofMinutes(5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecentFinalsProperties(10, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    ChannelOrder order(String no, ChannelOrderStatus status, String channelTradeNo) {
        return new ChannelOrder(no, "P" + no.substring(1), "T1", "M1", ChannelCode.ALIPAY, PayMethod.ALIPAY_CODE, Money.cny(100),
                "tea", status, null, channelTradeNo, "10000", "SYNC", now.plusSeconds(300), now, status.isFinal() ? now : null);
    }
}
