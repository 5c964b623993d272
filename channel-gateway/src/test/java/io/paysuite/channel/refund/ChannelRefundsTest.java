package io.paysuite.channel.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ChannelRefundStatus;
import io.paysuite.api.channel.RefundChannelCmd;
import io.paysuite.api.error.BizException;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.health.ChannelStats;
import io.paysuite.channel.infra.ChannelRefundMapper;
import io.paysuite.channel.infra.InMemoryChannelRefundMapper;
import io.paysuite.channel.infra.MyBatisChannelRefundRepository;
import io.paysuite.channel.isolation.ChannelGuard;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.order.ChannelOrderRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.alibaba.csp.sentinel.slots.block.RuleConstant;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRuleManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Refund idempotency and the conservative reading of channel answers, against a scripted channel. */
class ChannelRefundsTest {

    static final String PAY_ORDER = "P2026112914000001000010004";

    final InMemoryChannelRefundMapper mapper = new InMemoryChannelRefundMapper();
    final Map<String, ChannelRefundMapper.Row> rows = mapper.rows;
    ChannelOrderStatus paidStatus = ChannelOrderStatus.SUCCESS;
    final ChannelOrderRepository orders = new ChannelOrderRepository() {
        @Override
        public boolean insert(ChannelOrder order) {
            return false;
        }

        @Override
        public List<ChannelOrder> attempts(String payOrderNo) {
            return findByPayOrder(payOrderNo).stream().toList();
        }

        @Override
        public boolean decideReroute(String channelOrderNo, String to, Instant at) {
            return false;
        }

        @Override
        public Optional<ChannelOrder> findByNumber(String number) {
            return Optional.empty();
        }

        @Override
        public Optional<ChannelOrder> findByPayOrder(String payOrderNo) {
            Instant now = Instant.now();
            return Optional.of(new ChannelOrder("C2026112914000001000010004", payOrderNo, "T1", "M1", ChannelCode.ALIPAY,
                    PayMethod.ALIPAY_QR, Money.cny(1_000), "tea", paidStatus, null, "2026", "TRADE_SUCCESS", "QUERY", now, now, now));
        }

        @Override
        public Optional<ChannelOrder> find(String channelOrderNo) {
            return findByPayOrder(PAY_ORDER);
        }

        @Override
        public boolean transition(String no, ChannelOrderStatus from, ChannelOrderStatus to, String codeUrl, String channelTradeNo,
                                  String rawCode, String finalSource, Instant at) {
            return false;
        }

        @Override
        public boolean rememberCodeUrl(String no, String codeUrl, Instant at) {
            return false;
        }

        @Override
        public void recordConflict(String no, ChannelOrderStatus held, ChannelOrderStatus claimed, String rawCode, String source,
                                   String detail, Instant at) {
        }

        @Override
        public void recordLateSuccess(String no, ChannelOrderStatus held, String rawCode, String source, String detail,
                                      String channelTradeNo, long paidMinor, String currency, String refundNo, Instant at) {
        }

        @Override
        public Optional<String> lateChannelTradeNo(String no) {
            return Optional.empty();
        }
    };
    final List<String> calls = new ArrayList<>();
    ChannelCall refundAnswer;
    ChannelCall queryAnswer;
    final RefundAdapter channel = new RefundAdapter() {
        @Override
        public ChannelCode channel() {
            return ChannelCode.ALIPAY;
        }

        @Override
        public ChannelCall refund(ChannelOrder paid, String refundNo, long refundMinor, String reason) {
            calls.add("refund " + refundNo + " " + refundMinor);
            return refundAnswer;
        }

        @Override
        public ChannelCall queryRefund(ChannelOrder paid, String refundNo) {
            calls.add("query " + refundNo);
            return queryAnswer;
        }
    };
    final Clock clock = Clock.systemUTC();
    final ChannelRefunds refunds = new ChannelRefunds(new MyBatisChannelRefundRepository(mapper), orders, List.of(channel),
            new ChannelGuard(new ChannelStats(new SimpleMeterRegistry(), clock)), clock);

    RefundChannelCmd cmd(String refundNo, long amount) {
        return new RefundChannelCmd(refundNo, PAY_ORDER, Money.cny(amount), "changed mind");
    }

    @Test
    void anUnknownAnswerStaysProcessingAndTheRepeatAsksTheChannelInsteadOfRefundingAgain() {
        refundAnswer = ChannelCall.unknown("IO", "read timed out");
        assertThat(refunds.refund(cmd("R1000001", 400)).toDTO().status()).isEqualTo(ChannelRefundStatus.PROCESSING);

        queryAnswer = ChannelCall.of(Outcome.SUCCESS, "REFUND_SUCCESS", "");
        assertThat(refunds.refund(cmd("R1000001", 400)).status()).isEqualTo(ChannelRefundStatus.SUCCESS);
        assertThat(refunds.refund(cmd("R1000001", 400)).status()).isEqualTo(ChannelRefundStatus.SUCCESS);
        assertThat(calls).as("sent once, then only asked").containsExactly("refund R1000001 400", "query R1000001");
    }

    @Test
    void aRefundTheChannelDoesNotKnowIsSentAgainUnderTheSameNumber() {
        refundAnswer = ChannelCall.unknown("IO", "connect timed out"); // lost on the way: the channel never saw it
        assertThat(refunds.refund(cmd("R1000005", 400)).status()).isEqualTo(ChannelRefundStatus.PROCESSING);

        queryAnswer = ChannelCall.of(Outcome.NOT_FOUND, "", "no refund_status");
        refundAnswer = ChannelCall.of(Outcome.PENDING, "", "accepted");
        assertThat(refunds.refund(cmd("R1000005", 400)).status()).isEqualTo(ChannelRefundStatus.PROCESSING);

        queryAnswer = ChannelCall.of(Outcome.SUCCESS, "REFUND_SUCCESS", "");
        assertThat(refunds.refund(cmd("R1000005", 400)).status()).isEqualTo(ChannelRefundStatus.SUCCESS);
        assertThat(calls).as("always under the same refund number, sent again only after the channel said it has none")
                .containsExactly("refund R1000005 400", "query R1000005", "refund R1000005 400", "query R1000005");
    }

    @Test
    void aRefundOurGuardHeldBackStaysCreatedAndIsSentOnTheNextAttempt() {
        // the refunds' lane is full (a burst of refunds): nothing reaches the channel
        FlowRuleManager.loadRules(List.of(new FlowRule(ChannelGuard.urgentResource(ChannelCode.ALIPAY))
                .setGrade(RuleConstant.FLOW_GRADE_THREAD).setCount(0)));
        refundAnswer = ChannelCall.of(Outcome.SUCCESS, "REFUND_SUCCESS", "");
        assertThat(refunds.refund(cmd("R1000006", 400)).status()).isEqualTo(ChannelRefundStatus.CREATED);
        assertThat(calls).isEmpty();

        FlowRuleManager.loadRules(List.of());
        assertThat(refunds.refund(cmd("R1000006", 400)).status()).isEqualTo(ChannelRefundStatus.SUCCESS);
        assertThat(calls).as("sent, not asked about: the channel never had it").containsExactly("refund R1000006 400");
    }

    @Test
    void aRefundAlreadyAtTheChannelIsInProgressOnAGatewayWithoutThatChannelNeverRefused() {
        refundAnswer = ChannelCall.unknown("IO", "read timed out");
        assertThat(refunds.refund(cmd("R1000007", 400)).status()).isEqualTo(ChannelRefundStatus.PROCESSING);
        // trade-core's retry lands on an instance whose Alipay configuration is missing
        ChannelRefunds misconfigured = new ChannelRefunds(new MyBatisChannelRefundRepository(mapper), orders, List.of(),
                new ChannelGuard(new ChannelStats(new SimpleMeterRegistry(), clock)), clock);

        assertThat(misconfigured.refund(cmd("R1000007", 400)).toDTO().status()).as("the channel may complete it: unknown, not failed")
                .isEqualTo(ChannelRefundStatus.PROCESSING);
        assertThatThrownBy(() -> misconfigured.refund(cmd("R1000008", 400))).as("a new refund: nothing recorded, nothing sent")
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).code().name()).isEqualTo("SERVICE_DEGRADED");
        assertThat(rows).doesNotContainKey("R1000008");
        assertThat(calls).containsExactly("refund R1000007 400");
    }

    @AfterEach
    void noRules() {
        FlowRuleManager.loadRules(List.of());
    }

    @Test
    void aDefiniteRefusalFailsTheRefundAndTheSameNumberWithOtherContentIsRefused() {
        refundAnswer = ChannelCall.of(Outcome.FAILURE, "ACQ.SELLER_BALANCE_NOT_ENOUGH", "no balance");
        assertThat(refunds.refund(cmd("R1000002", 400)).status()).isEqualTo(ChannelRefundStatus.FAILED);
        assertThatThrownBy(() -> refunds.refund(cmd("R1000002", 401))).isInstanceOf(BizException.class)
                .hasMessageContaining("different content");
    }

    @Test
    void moreThanWasPaidOrAnUnpaidOrderIsRefusedWithoutAskingTheChannel() {
        assertThatThrownBy(() -> refunds.refund(cmd("R1000003", 1_001))).isInstanceOf(BizException.class)
                .extracting(e -> ((BizException) e).code().name()).isEqualTo("REFUND_AMOUNT_EXCEEDED");
        paidStatus = ChannelOrderStatus.PROCESSING;
        assertThatThrownBy(() -> refunds.refund(cmd("R1000004", 10))).isInstanceOf(BizException.class)
                .extracting(e -> ((BizException) e).code().name()).isEqualTo("PAY_ORDER_NOT_FOUND");
        assertThat(calls).isEmpty();
        assertThat(rows).isEmpty();
    }
}
