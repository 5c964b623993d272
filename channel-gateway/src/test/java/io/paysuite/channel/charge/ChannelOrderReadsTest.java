package io.paysuite.channel.charge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ChargeChannelCmd;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.order.ChannelOrder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a payment-code charge reads of {@code channel_order}: a first charge writes the order without reading it; a
 * repeated charge reads the order the insert found, and returns it; a follow-up without the code looks its order up.
 */
class ChannelOrderReadsTest {

    static final String PAY_ORDER = "P2026112914000001000010004";
    static final String NO = ChannelOrder.numberFor(PAY_ORDER);
    static final ChannelCall PAID = new ChannelCall(Outcome.SUCCESS, "10000", "Success", "2026112922001", null, 100L, "CNY");

    final Instant now = Instant.parse("2026-11-29T14:00:00Z");
    final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final ChannelChargesTest.Repo repo = new ChannelChargesTest.Repo();
    final ChannelChargesTest.CodeScript channel = new ChannelChargesTest.CodeScript();
    final List<String> announced = new ArrayList<>();
    final ScriptedGateway gateway = gateway();

    @Test
    void aFirstPaymentCodeChargeWritesItsOrderAndReadsNothing() {
        channel.pay = PAID;

        ChannelOrder charged = gateway.charges().charge(codeCmd());

        assertThat(charged.status()).isEqualTo(ChannelOrderStatus.SUCCESS);
        assertThat(repo.reads).as("inserted: the row is what was written").isEmpty();
        assertThat(repo.find(NO).orElseThrow().status()).isEqualTo(ChannelOrderStatus.SUCCESS);
    }

    @Test
    void aRepeatedChargeWithTheSameNumberReadsAndReturnsTheExistingOrderWithoutChargingAgain() {
        channel.pay = PAID;
        ChannelOrder first = gateway.charges().charge(codeCmd());

        ChannelOrder again = gateway.charges().charge(codeCmd());

        assertThat(repo.reads).as("the insert found the order: read once").containsExactly("findByPayOrder " + PAY_ORDER);
        assertThat(again.channelOrderNo()).isEqualTo(first.channelOrderNo());
        assertThat(again.status()).isEqualTo(ChannelOrderStatus.SUCCESS);
        assertThat(again.channelTradeNo()).isEqualTo("2026112922001");
        assertThat(channel.payments).as("charged once").isEqualTo(1);
        assertThat(repo.attempts(PAY_ORDER)).hasSize(1);
    }

    @Test
    void aRepeatedChargeWithOtherContentIsStillRefused() {
        channel.pay = PAID;
        gateway.charges().charge(codeCmd());

        ChargeChannelCmd other = new ChargeChannelCmd(PAY_ORDER, "T2026112914000001000010004", "M1", PayMethod.ALIPAY_CODE,
                Money.cny(101), "tea", now.plusSeconds(300), "283456789012345678");
        assertThatThrownBy(() -> gateway.charges().charge(other))
                .hasMessageContaining("different content");
        assertThat(channel.payments).isEqualTo(1);
    }

    @Test
    void aFollowUpWithoutTheCodeLooksItsOrderUpFirst() {
        channel.pay = ChannelCall.of(Outcome.PENDING, "10003", "order success pay inprocess");
        gateway.charges().charge(codeCmd());
        channel.query = PAID;
        repo.reads.clear();

        ChannelOrder checked = gateway.charges().charge(new ChargeChannelCmd(PAY_ORDER, "T2026112914000001000010004", "M1",
                PayMethod.ALIPAY_CODE, Money.cny(100), "tea", now.plusSeconds(300), null));

        assertThat(checked.status()).isEqualTo(ChannelOrderStatus.SUCCESS);
        assertThat(repo.reads).as("pay-core's check carries no code: looked up first").containsExactly("findByPayOrder " + PAY_ORDER);
    }

    ScriptedGateway gateway() {
        return ScriptedGateway.over(repo, List.of(channel), o -> announced.add(o.status().name()), meters, clock,
                (no, attempt, delay) -> { }, ChannelChargesTest.router(meters, clock));
    }

    ChargeChannelCmd codeCmd() {
        return new ChargeChannelCmd(PAY_ORDER, "T2026112914000001000010004", "M1", PayMethod.ALIPAY_CODE, Money.cny(100), "tea",
                now.plusSeconds(300), "283456789012345678");
    }
}
