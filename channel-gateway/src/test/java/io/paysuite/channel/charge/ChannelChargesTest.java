package io.paysuite.channel.charge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ChargeChannelCmd;
import io.paysuite.api.error.BizException;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.adapter.QrChannelAdapter;
import io.paysuite.channel.health.ChannelStats;
import io.paysuite.channel.isolation.BreakerBoard;
import io.paysuite.kit.config.LocalConfigCenter;
import io.paysuite.kit.config.RuleSources;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.order.ChannelOrderRepository;
import io.paysuite.channel.order.ChannelOrderTransitions;
import io.paysuite.channel.routing.ChannelRouter;
import io.paysuite.channel.routing.RoutingProperties;
import io.paysuite.channel.routing.RoutingRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The arbitration rules of charging ({@link ChannelCharges}), following up ({@link QrFollowUps}, {@link CodeFollowUps}),
 * notifications ({@link ChannelNotifications}) and their one write path ({@link ChannelSettlement}) against a scripted
 * channel (no network, no database).
 */
class ChannelChargesTest {

    static final String PAY_ORDER = "P2026112914000001000010004";

    final Repo repo = new Repo();
    final Script channel = new Script();
    final List<String> announced = new ArrayList<>();
    Instant now = Instant.parse("2026-11-29T14:00:00Z");
    final Clock clock = new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            };
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final List<String> scheduled = new ArrayList<>();
    final ScriptedGateway gateway = ScriptedGateway.over(repo, List.of(channel), o -> announced.add(o.status().name()), meters, clock,
            (no, attempt, delay) -> this.scheduled.add(attempt + "@" + delay.toSeconds()), router());
    final ChannelCharges charges = gateway.charges();
    final ChannelNotifications notifications = gateway.notifications();

    ChargeChannelCmd cmd(long amount) {
        return new ChargeChannelCmd(PAY_ORDER, "T2026112914000001000010004", "M1", PayMethod.ALIPAY_QR, Money.cny(amount), "tea",
                now.plus(Duration.ofMinutes(30)));
    }

    @Test
    void aPrecreateTimeoutIsProcessingAndTheRepeatAsksForTheCodeAgain() {
        channel.precreate = ChannelCall.unknown("IO", "read timed out");
        assertThat(charges.charge(cmd(100)).status()).isEqualTo(ChannelOrderStatus.PROCESSING);

        channel.precreate = new ChannelCall(Outcome.PENDING, "10000", "ok", null, "https://qr.alipay.com/x", null);
        now = now.plusSeconds(10);
        ChannelOrder again = charges.charge(cmd(100));
        assertThat(again.status()).isEqualTo(ChannelOrderStatus.PROCESSING);
        assertThat(again.codeUrl()).isEqualTo("https://qr.alipay.com/x");
        assertThat(announced).isEmpty();
    }

    @Test
    void aDefiniteRefusalBeforeAcceptanceFailsTheOrder() {
        channel.precreate = ChannelCall.of(Outcome.FAILURE, "ACQ.ACCESS_FORBIDDEN", "no");
        assertThat(charges.charge(cmd(100)).status()).isEqualTo(ChannelOrderStatus.FAILED);
        assertThat(announced).as("the charge call answers it to pay-core: not announced").isEmpty();
    }

    @Test
    void notFoundBeforeExpiryIsNotFailureAndAfterItOnlyTheChannelsCloseFailsIt() {
        channel.precreate = new ChannelCall(Outcome.PENDING, "10000", "ok", null, "https://qr.alipay.com/x", null);
        charges.charge(cmd(100));
        channel.query = ChannelCall.of(Outcome.NOT_FOUND, "ACQ.TRADE_NOT_EXIST", "none");
        now = now.plusSeconds(60);
        assertThat(charges.charge(cmd(100)).status()).isEqualTo(ChannelOrderStatus.PROCESSING);

        now = now.plus(Duration.ofMinutes(31));
        channel.close = ChannelCall.unknown("IO", "timeout");
        assertThat(charges.charge(cmd(100)).status()).as("an unanswered close decides nothing").isEqualTo(ChannelOrderStatus.PROCESSING);
        channel.close = ChannelCall.of(Outcome.SUCCESS, "10000", "closed");
        assertThat(charges.charge(cmd(100)).status()).isEqualTo(ChannelOrderStatus.FAILED);
        assertThat(announced).as("the charge call answers it to pay-core: not announced").isEmpty();
    }

    @Test
    void aNotificationIsConfirmedByAQueryAndTheFirstFinalResultWins() {
        channel.precreate = new ChannelCall(Outcome.PENDING, "10000", "ok", null, "https://qr.alipay.com/x", null);
        ChannelOrder order = charges.charge(cmd(100));
        channel.query = new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "", "2026112922001", null, 100L, "CNY");
        notifications.notified(order.channelOrderNo(), new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "n1", "2026112922001", null, 100L, "CNY"));
        notifications.notified(order.channelOrderNo(), new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "n1 again", "2026112922001", null, 100L, "CNY"));

        ChannelOrder held = repo.find(order.channelOrderNo()).orElseThrow();
        assertThat(held.status()).isEqualTo(ChannelOrderStatus.SUCCESS);
        assertThat(held.finalSource()).isEqualTo("NOTIFY_QUERY");
        assertThat(announced).as("a repeated notification announces nothing new").containsExactly("SUCCESS");
        assertThat(repo.conflicts).isEmpty();

        channel.query = ChannelCall.of(Outcome.FAILURE, "TRADE_CLOSED", "closed after a full refund");
        notifications.notified(order.channelOrderNo(), ChannelCall.of(Outcome.FAILURE, "TRADE_CLOSED", "late close"));
        assertThat(repo.find(order.channelOrderNo()).orElseThrow().status()).as("final states never change").isEqualTo(ChannelOrderStatus.SUCCESS);
        assertThat(repo.conflicts).containsExactly("SUCCESS→FAILED");
    }

    @Test
    void aNotificationRepeatingAFinalResultIsAcknowledgedWithoutAQueryAndAnyDifferenceIsStillAsked() {
        channel.precreate = new ChannelCall(Outcome.PENDING, "10000", "ok", null, "https://qr.alipay.com/x", null);
        ChannelOrder order = charges.charge(cmd(100));
        channel.query = new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "", "2026112922001", null, 100L, "CNY");
        notifications.notified(order.channelOrderNo(), new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "n1", "2026112922001", null, 100L, "CNY"));
        assertThat(channel.queries).as("an open order: the notification is confirmed by a query").isEqualTo(1);

        notifications.notified(order.channelOrderNo(), new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "n1 again", "2026112922001", null, 100L, "CNY"));
        assertThat(channel.queries).as("the same result of a paid order: nothing to ask").isEqualTo(1);
        assertThat(meters.counter("channel.notify.repeated", "channel", "ALIPAY").count()).isEqualTo(1.0);

        notifications.notified(order.channelOrderNo(), new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "other trade", "2026112922999", null, 100L, "CNY"));
        notifications.notified(order.channelOrderNo(), new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "other amount", "2026112922001", null, 99L, "CNY"));
        notifications.notified(order.channelOrderNo(), ChannelCall.of(Outcome.FAILURE, "TRADE_CLOSED", "a close of a paid order"));
        assertThat(channel.queries).as("another channel trade number, another amount, another result: each asked").isEqualTo(4);
        assertThat(repo.find(order.channelOrderNo()).orElseThrow().status()).isEqualTo(ChannelOrderStatus.SUCCESS);
        assertThat(repo.conflicts).as("the amount and the close contradict the paid order").contains("SUCCESS→SUCCESS", "SUCCESS→FAILED");
        assertThat(announced).containsExactly("SUCCESS");
    }

    @Test
    void aNotificationTheChannelsOwnQueryContradictsDecidesNothing() {
        channel.precreate = new ChannelCall(Outcome.PENDING, "10000", "ok", null, "https://qr.alipay.com/x", null);
        ChannelOrder order = charges.charge(cmd(100));
        channel.query = ChannelCall.of(Outcome.PENDING, "WAIT_BUYER_PAY", "");
        notifications.notified(order.channelOrderNo(), new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "forged", "1", null, 100L, "CNY"));
        assertThat(repo.find(order.channelOrderNo()).orElseThrow().status()).as("not paid until the channel says so")
                .isEqualTo(ChannelOrderStatus.PROCESSING);
        assertThat(repo.conflicts).containsExactly("PROCESSING→SUCCESS");

        channel.query = new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "", "2", null, 100L, "CNY");
        notifications.notified(order.channelOrderNo(), ChannelCall.of(Outcome.FAILURE, "TRADE_CLOSED", "forged close"));
        assertThat(repo.find(order.channelOrderNo()).orElseThrow().status()).as("a paid order never fails")
                .isEqualTo(ChannelOrderStatus.SUCCESS);
        assertThat(announced).containsExactly("SUCCESS");

        channel.query = ChannelCall.unknown("IO", "timeout");
        notifications.notified(order.channelOrderNo(), ChannelCall.of(Outcome.FAILURE, "TRADE_CLOSED", "while the channel is down"));
        assertThat(repo.find(order.channelOrderNo()).orElseThrow().status()).isEqualTo(ChannelOrderStatus.SUCCESS);
    }

    @Test
    void aNotificationWhoseQueryGoesUnansweredIsAskedForAgainUntilTheChannelConfirmsIt() {
        channel.precreate = new ChannelCall(Outcome.PENDING, "10000", "ok", null, "https://qr.alipay.com/x", null);
        ChannelOrder order = charges.charge(cmd(100));
        ChannelCall paid = new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "n1", "2026112922001", null, 100L, "CNY");

        for (ChannelCall unanswered : List.of(ChannelCall.unknown("IO", "timeout"),
                ChannelCall.unknown("BLOCKED_FOLLOW_UP_LIMIT", "nothing sent: follow-up lane full"))) {
            channel.query = unanswered;
            assertThatThrownBy(() -> notifications.notified(order.channelOrderNo(), paid))
                    .as("the controller answers the channel with a failure, so it sends the notification again")
                    .isInstanceOf(NotificationUnconfirmed.class);
            assertThat(repo.find(order.channelOrderNo()).orElseThrow().status()).isEqualTo(ChannelOrderStatus.PROCESSING);
        }
        assertThat(announced).isEmpty();

        channel.query = new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "", "2026112922001", null, 100L, "CNY");
        notifications.notified(order.channelOrderNo(), paid);
        assertThat(repo.find(order.channelOrderNo()).orElseThrow().status()).isEqualTo(ChannelOrderStatus.SUCCESS);
        assertThat(announced).containsExactly("SUCCESS");
    }

    @Test
    void aPaidAmountOtherThanOursIsAConflictNotASuccess() {
        channel.precreate = new ChannelCall(Outcome.PENDING, "10000", "ok", null, "https://qr.alipay.com/x", null);
        ChannelOrder order = charges.charge(cmd(100));
        channel.query = new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "", "1", null, 1L, "CNY");
        notifications.notified(order.channelOrderNo(), new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "n", "1", null, 1L, "CNY"));

        assertThat(repo.find(order.channelOrderNo()).orElseThrow().status()).isEqualTo(ChannelOrderStatus.PROCESSING);
        assertThat(repo.conflicts).as("the notification's amount and the query's").containsExactly("PROCESSING→SUCCESS",
                "PROCESSING→SUCCESS");
        assertThat(announced).isEmpty();
    }

    @Test
    void aSuccessWithoutAReadableAmountNeverSettlesTheOrderAndIsAlarmed() {
        channel.precreate = new ChannelCall(Outcome.PENDING, "10000", "ok", null, "https://qr.alipay.com/x", null);
        ChannelOrder order = charges.charge(cmd(100));
        channel.query = new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "", "1", null, null);
        now = now.plusSeconds(10);

        assertThat(charges.charge(cmd(100)).status()).as("no amount: unknown, still processing").isEqualTo(ChannelOrderStatus.PROCESSING);
        notifications.notified(order.channelOrderNo(), new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "n", "1", null, null));
        assertThat(repo.find(order.channelOrderNo()).orElseThrow().status()).isEqualTo(ChannelOrderStatus.PROCESSING);
        assertThat(repo.conflicts).as("alarmed each time: the query's answer, the notification and its query")
                .containsExactly("PROCESSING→SUCCESS", "PROCESSING→SUCCESS", "PROCESSING→SUCCESS");

        channel.query = new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "", "1", null, 100L, "USD");
        assertThat(charges.charge(cmd(100)).status()).as("our amount in another currency").isEqualTo(ChannelOrderStatus.PROCESSING);
        channel.query = new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "", "1", null, 100L, null);
        assertThat(charges.charge(cmd(100)).status()).as("no currency stated").isEqualTo(ChannelOrderStatus.PROCESSING);
        assertThat(repo.conflicts).hasSize(5);
        assertThat(announced).isEmpty();

        channel.query = new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "", "1", null, 100L, "CNY");
        assertThat(charges.charge(cmd(100)).status()).as("ours exactly: paid").isEqualTo(ChannelOrderStatus.SUCCESS);
    }

    @Test
    void aSuccessArrivingAfterTheOrderWasClosedIsRecordedAndPaidBackOnceUnderItsOwnRefundNumberAndJournal() {
        channel.precreate = new ChannelCall(Outcome.PENDING, "10000", "ok", null, "https://qr.alipay.com/x", null);
        ChannelOrder order = charges.charge(cmd(100));
        channel.query = ChannelCall.of(Outcome.PENDING, "WAIT_BUYER_PAY", "");
        now = now.plus(Duration.ofMinutes(32));
        channel.close = ChannelCall.of(Outcome.SUCCESS, "10000", "closed");
        assertThat(charges.charge(cmd(100)).status()).isEqualTo(ChannelOrderStatus.FAILED);

        // the buyer paid at the channel anyway (a scan racing the close): the channel notifies a success
        channel.query = new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "", "2026112922009", null, 100L, "CNY");
        gateway.refundChannel().refundAnswer = ChannelCall.unknown("IO", "read timed out");
        ChannelCall late = new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "n9", "2026112922009", null, 100L, "CNY");
        notifications.notified(order.channelOrderNo(), late);

        String refundNo = "CR" + order.channelOrderNo();
        assertThat(repo.find(order.channelOrderNo()).orElseThrow().status()).as("the first final result wins")
                .isEqualTo(ChannelOrderStatus.FAILED);
        assertThat(announced).as("closed by a charge call, which answered it; a late success announces nothing").isEmpty();
        assertThat(repo.conflicts).containsExactly("FAILED→SUCCESS");
        assertThat(repo.paybacks).containsExactly(order.channelOrderNo() + "→" + refundNo);
        assertThat(gateway.refundChannel().calls).containsExactly("refund " + refundNo + " 100 2026112922009");
        assertThat(gateway.ledger().posted).as("the late payment is booked; the pay-back only once the refund succeeds")
                .containsExactly("LATE" + order.channelOrderNo());
        assertThat(scheduled).as("the unanswered refund is asked about again").isNotEmpty();

        gateway.refundChannel().queryAnswer = ChannelCall.of(Outcome.SUCCESS, "REFUND_SUCCESS", "");
        charges.followUp(order.channelOrderNo(), 1);
        notifications.notified(order.channelOrderNo(), late);
        charges.followUp(order.channelOrderNo(), 2);

        assertThat(gateway.refunds().find(refundNo).orElseThrow().status()).isEqualTo(io.paysuite.api.channel.ChannelRefundStatus.SUCCESS);
        assertThat(gateway.refundChannel().calls).as("paid back exactly once")
                .containsExactly("refund " + refundNo + " 100 2026112922009", "query " + refundNo);
        assertThat(gateway.ledger().posted).containsExactly("LATE" + order.channelOrderNo(), "PAYBACK" + order.channelOrderNo());
        assertThat(announced).isEmpty();
    }

    @Test
    void theSamePayOrderWithAnotherAmountIsRefusedAndChangesNothing() {
        channel.precreate = new ChannelCall(Outcome.PENDING, "10000", "ok", null, "https://qr.alipay.com/x", null);
        charges.charge(cmd(100));
        assertThatThrownBy(() -> charges.charge(cmd(101))).isInstanceOf(BizException.class).hasMessageContaining("different content");
        assertThat(repo.byNo).hasSize(1);
    }

    @Test
    void aPaymentCodeWaitingForTheBuyerIsPolledAndPaysWhenTheBuyerConfirms() {
        CodeScript code = new CodeScript();
        ChannelCharges withCode = codeOrders(code);
        code.pay = ChannelCall.of(Outcome.PENDING, "10003", "order success pay inprocess");
        ChannelOrder waiting = withCode.charge(codeCmd("283456789012345678"));
        assertThat(waiting.status()).isEqualTo(ChannelOrderStatus.PROCESSING);
        assertThat(scheduled).containsExactly("1@5");

        now = now.plusSeconds(5);
        code.query = ChannelCall.of(Outcome.PENDING, "WAIT_BUYER_PAY", "");
        withCode.followUp(waiting.channelOrderNo(), 1);
        assertThat(scheduled).containsExactly("1@5", "2@5");

        now = now.plusSeconds(5);
        code.query = new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "", "2026112922001", null, 100L, "CNY");
        withCode.followUp(waiting.channelOrderNo(), 2);
        assertThat(repo.find(waiting.channelOrderNo()).orElseThrow().status()).isEqualTo(ChannelOrderStatus.SUCCESS);
        assertThat(scheduled).as("a final order needs no more follow-ups").hasSize(2);
        assertThat(code.reversals).isZero();
        assertThat(announced).as("found by a follow-up, not in a caller's call: pay-core hears of it now").containsExactly("SUCCESS");
    }

    @Test
    void aPaymentCodePaidAtOnceIsTheChargesAnswerAndIsNotAnnouncedAgain() {
        CodeScript code = new CodeScript();
        ChannelCharges withCode = codeOrders(code);
        code.pay = new ChannelCall(Outcome.SUCCESS, "10000", "Success", "2026112922001", null, 100L, "CNY");

        ChannelOrder paid = withCode.charge(codeCmd("283456789012345678"));

        assertThat(paid.status()).isEqualTo(ChannelOrderStatus.SUCCESS);
        assertThat(paid).as("the answer is the row as stored, without reading it back")
                .isEqualTo(repo.find(paid.channelOrderNo()).orElseThrow());
        assertThat(paid.finalSource()).isEqualTo("SYNC");
        assertThat(paid.channelTradeNo()).isEqualTo("2026112922001");
        assertThat(paid.finishedAt()).isEqualTo(now);
        assertThat(announced).as("pay-core, the caller, settles the pay order from this answer; an announcement would make it"
                + " settle the same pay order twice").isEmpty();

        ChannelOrder asked = withCode.charge(codeCmd(null));
        assertThat(asked).as("the pay order's check asking again gets the same final order").isEqualTo(paid);
        assertThat(announced).isEmpty();
    }

    @Test
    void aPaymentCodeStillUnpaidAfterThirtySecondsIsReversedAndFailsOnlyOnTheDefiniteReversal() {
        CodeScript code = new CodeScript();
        ChannelCharges withCode = codeOrders(code);
        code.pay = ChannelCall.of(Outcome.PENDING, "10003", "order success pay inprocess");
        ChannelOrder waiting = withCode.charge(codeCmd("283456789012345678"));
        code.query = ChannelCall.of(Outcome.PENDING, "WAIT_BUYER_PAY", "");
        for (int attempt = 1; attempt <= 5; attempt++) {
            now = now.plusSeconds(5);
            withCode.followUp(waiting.channelOrderNo(), attempt);
        }
        assertThat(code.reversals).as("not before 30 s").isZero();

        now = now.plusSeconds(5);
        code.close = ChannelCall.unknown("IO", "timeout");
        withCode.followUp(waiting.channelOrderNo(), 6);
        assertThat(code.reversals).isEqualTo(1);
        assertThat(repo.find(waiting.channelOrderNo()).orElseThrow().status()).as("reversing: only the reversal decides now")
                .isEqualTo(ChannelOrderStatus.REVERSING);
        assertThat(gateway.charges().view(repo.find(waiting.channelOrderNo()).orElseThrow()).status())
                .as("callers see it still processing").isEqualTo(ChannelOrderStatus.PROCESSING);
        assertThat(scheduled).last().as("an unanswered reversal is tried again").isEqualTo("7@10");

        now = now.plusSeconds(10);
        code.close = ChannelCall.of(Outcome.SUCCESS, "CANCEL_close", "");
        withCode.followUp(waiting.channelOrderNo(), 7);
        ChannelOrder reversed = repo.find(waiting.channelOrderNo()).orElseThrow();
        assertThat(reversed.status()).isEqualTo(ChannelOrderStatus.FAILED);
        assertThat(reversed.rawCode()).isEqualTo("REVERSED");
        assertThat(announced).containsExactly("FAILED");
    }

    @Test
    void aSuccessNotifiedWhileAPaymentCodeIsBeingReversedWaitsForTheReversalAndIsNeverAnnounced() {
        CodeScript code = new CodeScript();
        ScriptedGateway withCode = codeGateway(code);
        code.pay = ChannelCall.of(Outcome.PENDING, "10003", "order success pay inprocess");
        ChannelOrder waiting = withCode.charges().charge(codeCmd("283456789012345678"));
        code.query = ChannelCall.of(Outcome.PENDING, "WAIT_BUYER_PAY", "");
        for (int attempt = 1; attempt <= 5; attempt++) {
            now = now.plusSeconds(5);
            withCode.charges().followUp(waiting.channelOrderNo(), attempt);
        }
        now = now.plusSeconds(5);
        // the buyer confirms after our last query and before the reversal reaches the channel: the channel
        // notifies (its own query now says paid), then the reversal returns the buyer's money
        code.beforeReversal = () -> {
            code.query = new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "", "2026112922001", null, 100L, "CNY");
            withCode.notifications().notified(waiting.channelOrderNo(),
                    new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "n1", "2026112922001", null, 100L, "CNY"));
        };
        code.close = ChannelCall.of(Outcome.SUCCESS, "CANCEL_refund", "paid, cancelled and refunded");
        withCode.charges().followUp(waiting.channelOrderNo(), 6);

        ChannelOrder reversed = repo.find(waiting.channelOrderNo()).orElseThrow();
        assertThat(reversed.status()).as("the reversal returned the money: the order is closed").isEqualTo(ChannelOrderStatus.FAILED);
        assertThat(reversed.rawCode()).isEqualTo("REVERSED");
        assertThat(announced).as("no success was announced for money the buyer got back").containsExactly("FAILED");
    }

    @Test
    void aReversalTheChannelRefusesBecauseTheBuyerPaidSettlesTheOrderPaid() {
        CodeScript code = new CodeScript();
        ScriptedGateway withCode = codeGateway(code);
        code.pay = ChannelCall.of(Outcome.PENDING, "10003", "order success pay inprocess");
        ChannelOrder waiting = withCode.charges().charge(codeCmd("283456789012345678"));
        code.query = ChannelCall.of(Outcome.PENDING, "WAIT_BUYER_PAY", "");
        now = now.plusSeconds(30);
        code.beforeReversal = () -> {
            code.query = new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "", "2026112922001", null, 100L, "CNY");
            withCode.notifications().notified(waiting.channelOrderNo(),
                    new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "n1", "2026112922001", null, 100L, "CNY"));
            assertThat(announced).as("while reversing, a success waits for the reversal's answer").isEmpty();
        };
        code.close = ChannelCall.of(Outcome.FAILURE, "ACQ.TRADE_HAS_SUCCESS", "paid: not cancelled");
        withCode.charges().followUp(waiting.channelOrderNo(), 6);

        assertThat(repo.find(waiting.channelOrderNo()).orElseThrow().status()).isEqualTo(ChannelOrderStatus.SUCCESS);
        assertThat(announced).containsExactly("SUCCESS");
        assertThat(repo.conflicts).isEmpty();
    }

    @Test
    void aGatewayWithoutTheOrdersChannelAnswersItsExistingOrderAsItStandsNeverANoChannelRefusal() {
        channel.precreate = new ChannelCall(Outcome.PENDING, "10000", "ok", null, "https://qr.alipay.com/x", null);
        ChannelOrder live = charges.charge(cmd(100));
        // another gateway instance, its Alipay configuration missing: pay-core's check lands there
        ChannelCharges misconfigured = ScriptedGateway.over(repo, List.of(), o -> announced.add(o.status().name()), meters, clock,
                (no, attempt, delay) -> { }, router()).charges();
        now = now.plusSeconds(10);

        ChannelOrder seen = misconfigured.charge(cmd(100));
        assertThat(misconfigured.view(seen).status()).as("the buyer may still pay this QR: it is not failed")
                .isEqualTo(ChannelOrderStatus.PROCESSING);
        assertThat(seen.channelOrderNo()).isEqualTo(live.channelOrderNo());
        assertThat(announced).isEmpty();

        assertThatThrownBy(() -> misconfigured.charge(new ChargeChannelCmd("P2026112914000001000030004", "T2026112914000001000030004",
                "M1", PayMethod.ALIPAY_QR, Money.cny(100), "tea", now.plusSeconds(300))))
                .as("a new pay order: nothing recorded, nothing sent").isInstanceOf(BizException.class)
                .hasMessageContaining("no channel");
    }

    @Test
    void aRefusedChargeSeenByAGatewayWithoutChannelsIsLeftForOneThatHasThemNotFailed() {
        channel.precreate = ChannelCall.of(Outcome.FAILURE, "BLOCKED_BREAKER_OPEN", "nothing sent");
        ChannelCharges misconfigured = ScriptedGateway.over(repo, List.of(), o -> announced.add(o.status().name()), meters, clock,
                (no, attempt, delay) -> { }, router()).charges();
        repo.insert(new ChannelOrder(ChannelOrder.numberFor(PAY_ORDER), PAY_ORDER, "T2026112914000001000010004", "M1",
                ChannelCode.ALIPAY, PayMethod.ALIPAY_QR, Money.cny(100), "tea", ChannelOrderStatus.FAILED, null, null,
                "BLOCKED_BREAKER_OPEN", "SYNC", now.plusSeconds(1800), now, now));

        ChannelOrder seen = misconfigured.charge(cmd(100));
        assertThat(misconfigured.view(seen).status()).isEqualTo(ChannelOrderStatus.PROCESSING);
        assertThat(seen.reroutedTo()).as("where it goes is decided where channels are configured").isNull();
        assertThat(announced).isEmpty();
    }

    @Test
    void aRefusedPaymentCodeFailsAtOnceAndARecoveryWithoutTheCodeSendsNothing() {
        CodeScript code = new CodeScript();
        ChannelCharges withCode = codeOrders(code);
        code.pay = ChannelCall.of(Outcome.FAILURE, "ACQ.PAYMENT_AUTH_CODE_INVALID", "bad code");
        assertThat(withCode.charge(codeCmd("283456789012341111")).status()).isEqualTo(ChannelOrderStatus.FAILED);
        assertThat(scheduled).isEmpty();

        assertThatThrownBy(() -> withCode.charge(new ChargeChannelCmd("P2026112914000001000020004", "T2026112914000001000020004",
                "M1", PayMethod.ALIPAY_CODE, Money.cny(100), "tea", now.plusSeconds(300), null)))
                .isInstanceOf(BizException.class).hasMessageContaining("auth_code");
    }

    ChannelCharges codeOrders(CodeScript code) {
        return ScriptedGateway.over(repo, List.of(code), o -> announced.add(o.status().name()), meters, clock,
                (no, attempt, delay) -> scheduled.add(attempt + "@" + delay.toSeconds()), router()).charges();
    }

    ScriptedGateway codeGateway(CodeScript code) {
        return ScriptedGateway.over(repo, List.of(code), o -> announced.add(o.status().name()), meters, clock,
                (no, attempt, delay) -> scheduled.add(attempt + "@" + delay.toSeconds()), router());
    }

    ChannelRouter router() {
        return router(meters, clock);
    }

    /** The real router over the default rules (every configured channel takes its methods), for scripted channels. */
    static ChannelRouter router(io.micrometer.core.instrument.MeterRegistry meters, Clock clock) {
        return new ChannelRouter(new RoutingRules(new RoutingProperties("channel-gateway/routing-rules", 1000),
                new RuleSources(new LocalConfigCenter())), new BreakerBoard(clock),
                new ChannelStats(meters, clock));
    }

    ChargeChannelCmd codeCmd(String authCode) {
        return new ChargeChannelCmd(PAY_ORDER, "T2026112914000001000010004", "M1", PayMethod.ALIPAY_CODE, Money.cny(100), "tea",
                now.plusSeconds(300), authCode);
    }

    static final class CodeScript implements io.paysuite.channel.adapter.CodeChannelAdapter {
        ChannelCall pay;
        ChannelCall query;
        ChannelCall close;
        int reversals;
        int payments;
        int queries;
        /** What happens at the channel just before the reversal arrives (the buyer confirming, a notification). */
        Runnable beforeReversal = () -> { };

        @Override
        public ChannelCode channel() {
            return ChannelCode.ALIPAY;
        }

        @Override
        public PayMethod method() {
            return PayMethod.ALIPAY_CODE;
        }

        @Override
        public ChannelCall pay(ChannelOrder order, String authCode) {
            payments++;
            return pay;
        }

        @Override
        public ChannelCall query(ChannelOrder order) {
            queries++;
            return query;
        }

        @Override
        public ChannelCall close(ChannelOrder order) {
            reversals++;
            Runnable race = beforeReversal;
            beforeReversal = () -> { };
            race.run();
            return close;
        }
    }

    static final class Script implements QrChannelAdapter {
        ChannelCall precreate;
        ChannelCall query = ChannelCall.of(Outcome.PENDING, "WAIT_BUYER_PAY", "");
        ChannelCall close;

        @Override
        public ChannelCode channel() {
            return ChannelCode.ALIPAY;
        }

        @Override
        public PayMethod method() {
            return PayMethod.ALIPAY_QR;
        }

        @Override
        public ChannelCall precreate(ChannelOrder order) {
            return precreate;
        }

        int queries;

        @Override
        public ChannelCall query(ChannelOrder order) {
            queries++;
            return query;
        }

        @Override
        public ChannelCall close(ChannelOrder order) {
            return close;
        }
    }

    /** The repository's contract (unique pay order and attempt, compare-and-set), in memory for the unit test. */
    static final class Repo implements ChannelOrderRepository {
        final Map<String, ChannelOrder> byNo = new ConcurrentHashMap<>();
        final List<String> conflicts = new ArrayList<>();
        final List<String> paybacks = new ArrayList<>();
        /** Every read of an order, as the statements it stands for: "find C…", "findByPayOrder P…", "attempts P…". */
        final List<String> reads = Collections.synchronizedList(new ArrayList<>());
        /** Set to make the next insert of that attempt fail as a crash would, after the decision was recorded. */
        volatile int crashOnInsertOfAttempt = -1;

        @Override
        public synchronized boolean insert(ChannelOrder order) {
            if (order.attempt() == crashOnInsertOfAttempt) {
                crashOnInsertOfAttempt = -1;
                throw new IllegalStateException("process killed before the insert");
            }
            if (byNo.values().stream().anyMatch(o -> o.payOrderNo().equals(order.payOrderNo()) && o.attempt() == order.attempt())) {
                return false;
            }
            byNo.put(order.channelOrderNo(), order);
            return true;
        }

        @Override
        public Optional<ChannelOrder> findByPayOrder(String payOrderNo) {
            reads.add("findByPayOrder " + payOrderNo);
            return attemptsOf(payOrderNo).stream().reduce((first, later) -> later);
        }

        @Override
        public Optional<ChannelOrder> findByNumber(String number) {
            return byNo.values().stream().filter(o -> o.channelOrderNo().equals(number) || number.equals(o.channelTradeNo())).findFirst();
        }

        @Override
        public List<ChannelOrder> attempts(String payOrderNo) {
            reads.add("attempts " + payOrderNo);
            return attemptsOf(payOrderNo);
        }

        private List<ChannelOrder> attemptsOf(String payOrderNo) {
            return byNo.values().stream().filter(o -> o.payOrderNo().equals(payOrderNo))
                    .sorted(java.util.Comparator.comparingInt(ChannelOrder::attempt)).toList();
        }

        @Override
        public synchronized boolean decideReroute(String no, String to, Instant at) {
            ChannelOrder o = byNo.get(no);
            if (o == null || o.status() != ChannelOrderStatus.FAILED || o.reroutedTo() != null) {
                return false;
            }
            byNo.put(no, with(o, o.status(), o.codeUrl(), o.channelTradeNo(), o.rawCode(), o.finalSource(), o.finishedAt(), to));
            return true;
        }

        @Override
        public Optional<ChannelOrder> find(String channelOrderNo) {
            reads.add("find " + channelOrderNo);
            return Optional.ofNullable(byNo.get(channelOrderNo));
        }

        @Override
        public synchronized boolean transition(String no, ChannelOrderStatus from, ChannelOrderStatus to, String codeUrl,
                                               String channelTradeNo, String rawCode, String finalSource, Instant at) {
            ChannelOrderTransitions.TABLE.require(from, to);
            ChannelOrder o = byNo.get(no);
            if (o == null || o.status() != from) {
                return false;
            }
            byNo.put(no, with(o, to, codeUrl != null ? codeUrl : o.codeUrl(),
                    channelTradeNo != null ? channelTradeNo : o.channelTradeNo(), rawCode != null ? rawCode : o.rawCode(),
                    finalSource != null ? finalSource : o.finalSource(), to.isFinal() ? at : o.finishedAt(), o.reroutedTo()));
            return true;
        }

        @Override
        public synchronized boolean rememberCodeUrl(String no, String codeUrl, Instant at) {
            ChannelOrder o = byNo.get(no);
            if (o.status() != ChannelOrderStatus.PROCESSING || o.codeUrl() != null) {
                return false;
            }
            byNo.put(no, with(o, o.status(), codeUrl, o.channelTradeNo(), o.rawCode(), o.finalSource(), o.finishedAt(), o.reroutedTo()));
            return true;
        }

        @Override
        public void recordConflict(String no, ChannelOrderStatus held, ChannelOrderStatus claimed, String rawCode, String source,
                                   String detail, Instant at) {
            conflicts.add(held + "→" + claimed);
        }

        @Override
        public void recordLateSuccess(String no, ChannelOrderStatus held, String rawCode, String source, String detail,
                                      String channelTradeNo, long paidMinor, String currency, String refundNo, Instant at) {
            conflicts.add(held + "→" + ChannelOrderStatus.SUCCESS);
            if (!paybacks.contains(no + "→" + refundNo)) {
                paybacks.add(no + "→" + refundNo);
            }
            lateTradeNo.put(no, channelTradeNo);
        }

        final Map<String, String> lateTradeNo = new ConcurrentHashMap<>();

        @Override
        public Optional<String> lateChannelTradeNo(String no) {
            return Optional.ofNullable(lateTradeNo.get(no));
        }

        private static ChannelOrder with(ChannelOrder o, ChannelOrderStatus status, String codeUrl, String channelTradeNo,
                                         String rawCode, String finalSource, Instant finishedAt, String reroutedTo) {
            return new ChannelOrder(o.channelOrderNo(), o.payOrderNo(), o.tradeNo(), o.merchantId(), o.channel(), o.method(),
                    o.amount(), o.subject(), status, codeUrl, channelTradeNo, rawCode, finalSource, o.expiresAt(), o.createdAt(),
                    finishedAt, o.attempt(), reroutedTo);
        }
    }
}
