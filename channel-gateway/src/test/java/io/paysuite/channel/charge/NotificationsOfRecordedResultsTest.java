package io.paysuite.channel.charge;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The channel's notification of a payment-code payment whose result this process has just recorded ({@link RecentFinals}):
 * one that repeats it is acknowledged without reading {@code channel_order} or asking the channel; one that states
 * anything else, of an order still open, or reaching an instance that did not record the result, is read (and queried)
 * as before.
 */
class NotificationsOfRecordedResultsTest {

    static final String PAY_ORDER = "P2026112914000001000010004";
    static final String NO = ChannelOrder.numberFor(PAY_ORDER);
    static final ChannelCall PAID = new ChannelCall(Outcome.SUCCESS, "10000", "Success", "2026112922001", null, 100L, "CNY");
    static final ChannelCall NOTIFIED_PAID = new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "n1", "2026112922001", null, 100L,
            "CNY");

    final Instant now = Instant.parse("2026-11-29T14:00:00Z");
    final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final ChannelChargesTest.Repo repo = new ChannelChargesTest.Repo();
    final ChannelChargesTest.CodeScript channel = new ChannelChargesTest.CodeScript();
    final List<String> announced = new ArrayList<>();
    final ScriptedGateway gateway = gateway();

    @Test
    void aNotificationRepeatingTheSuccessThisProcessJustRecordedIsAcknowledgedWithoutReadingTheOrderOrAskingTheChannel() {
        channel.pay = PAID;
        gateway.charges().charge(codeCmd());

        gateway.notifications().notified(NO, NOTIFIED_PAID);

        assertThat(repo.reads).as("the charge's answer was recorded here moments ago").isEmpty();
        assertThat(channel.queries).isZero();
        assertThat(meters.counter("channel.notify.repeated", "channel", "ALIPAY").count()).isEqualTo(1.0);
        assertThat(meters.counter("channel.notify.remembered", "channel", "ALIPAY").count()).isEqualTo(1.0);
        assertThat(announced).as("the charge call answered it; the notification announces nothing").isEmpty();
        assertThat(repo.conflicts).isEmpty();
    }

    @Test
    void aNotificationDifferingFromTheRecordedSuccessInAnythingIsReadAndQueried() {
        channel.pay = PAID;
        gateway.charges().charge(codeCmd());
        channel.query = new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "", "2026112922001", null, 100L, "CNY");

        gateway.notifications().notified(NO, new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "other trade", "2026112922999",
                null, 100L, "CNY"));
        gateway.notifications().notified(NO, new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "other amount", "2026112922001",
                null, 99L, "CNY"));
        gateway.notifications().notified(NO, new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "other currency", "2026112922001",
                null, 100L, "USD"));
        gateway.notifications().notified(NO, ChannelCall.of(Outcome.FAILURE, "TRADE_CLOSED", "a close of a paid order"));

        assertThat(repo.reads).as("each read as before").containsExactly("find " + NO, "find " + NO, "find " + NO, "find " + NO);
        assertThat(channel.queries).as("and each confirmed by a query").isEqualTo(4);
        assertThat(repo.conflicts).as("the amount, the currency and the close contradict the paid order")
                .containsExactly("SUCCESS→SUCCESS", "SUCCESS→SUCCESS", "SUCCESS→FAILED");
        assertThat(repo.find(NO).orElseThrow().status()).isEqualTo(ChannelOrderStatus.SUCCESS);
        assertThat(meters.find("channel.notify.remembered").counter()).isNull();
    }

    @Test
    void anInstanceThatDidNotRecordTheResultReadsTheOrderAsBefore() {
        channel.pay = PAID;
        gateway.charges().charge(codeCmd());
        ScriptedGateway another = gateway(); // another instance, or this one after a restart: nothing remembered

        another.notifications().notified(NO, NOTIFIED_PAID);

        assertThat(repo.reads).containsExactly("find " + NO);
        assertThat(channel.queries).as("the stored order repeats it: no query either").isZero();
        assertThat(meters.counter("channel.notify.repeated", "channel", "ALIPAY").count()).isEqualTo(1.0);
        assertThat(meters.find("channel.notify.remembered").counter()).isNull();
    }

    @Test
    void aNotificationOfAnOrderStillOpenIsReadAndQueried() {
        channel.pay = ChannelCall.of(Outcome.PENDING, "10003", "order success pay inprocess");
        gateway.charges().charge(codeCmd());
        channel.query = PAID;
        repo.reads.clear();

        gateway.notifications().notified(NO, NOTIFIED_PAID);

        assertThat(repo.reads).containsExactly("find " + NO);
        assertThat(channel.queries).isEqualTo(1);
        assertThat(repo.find(NO).orElseThrow().finalSource()).isEqualTo("NOTIFY_QUERY");
        assertThat(announced).containsExactly("SUCCESS");

        repo.reads.clear();
        gateway.notifications().notified(NO, NOTIFIED_PAID);
        assertThat(repo.reads).as("its query's result is recorded here too: the resend is not read").isEmpty();
        assertThat(channel.queries).isEqualTo(1);
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
