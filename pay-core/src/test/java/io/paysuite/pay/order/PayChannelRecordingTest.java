package io.paysuite.pay.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.channel.ChargeChannelCmd;
import io.paysuite.api.common.Result;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.PaymentPostingCmd;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradePaymentService;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.pay.infra.event.InProcessPaySuccess;
import io.paysuite.pay.order.InMemoryPayOrders.Write;
import io.paysuite.pay.order.tool.BalanceTool;
import io.paysuite.pay.order.tool.ChannelTool;
import io.paysuite.pay.order.tool.PaymentTools;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The channel that took the money is recorded on the pay order by the compare-and-set that makes it
 * SUCCESS, answered in its DTO and carried by {@code PAY_SUCCEEDED} — whichever path finishes the
 * payment — so trade-core and refunds follow the channel that has the money, not the method's usual one.
 */
class PayChannelRecordingTest {

    static final String TRADE_NO = "T2026112210000003000000519";
    static final String BUYER = "10000000007";
    static final String CARD_TOKEN = "CARDTOKEN0001";

    final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    final InMemoryPayOrders orders = new InMemoryPayOrders();
    final InProcessPaySuccess events = new InProcessPaySuccess(orders, clock);
    final ChannelService channels = mock(ChannelService.class);
    final LedgerService ledger = mock(LedgerService.class);
    final TradeService tradeService = mock(TradeService.class);
    final TradePaymentService tradePayments = mock(TradePaymentService.class);
    final MemberService members = mock(MemberService.class);
    final PayOrchestrator orchestrator = new PayOrchestrator(orders, new PayOrderOpener(orders, new OrderNo(clock, 3), clock),
            new PaymentTools(List.of(new BalanceTool(ledger), new ChannelTool(PayMethod.BANK_CARD, channels, ledger),
                    new ChannelTool(PayMethod.WECHAT_QR, channels, ledger))),
            events, payOrderNo -> { }, tradeService, tradePayments, members, clock, io.paysuite.pay.risk.RiskFakes.allowAll(clock));

    /** What channel-gateway answers to the next charge. */
    final AtomicReference<Answer> gateway = new AtomicReference<>();

    record Answer(ChannelCode channel, ChannelOrderStatus status) {
    }

    @BeforeEach
    void aTradeWaitingForItsBuyer() {
        TradeDTO trade = new TradeDTO(TRADE_NO, "M100001", "order-1", TradeType.INSTANT, TradeStatus.WAIT_PAY, Money.cny(1000),
                Money.cny(0), Money.cny(0), "subject", BUYER, null, null, null, null, clock.instant(), null, null);
        when(tradeService.get(any())).thenReturn(Result.ok(trade));
        when(tradePayments.beginPay(any())).thenReturn(Result.ok(trade));
        when(members.getBuyer(any())).thenReturn(Result.ok(null));
        when(members.verifyPayPassword(any())).thenReturn(Result.ok(null));
        when(ledger.postPayment(any())).thenReturn(Result.ok(null));
        when(channels.charge(any())).thenAnswer(call -> {
            ChargeChannelCmd cmd = call.getArgument(0);
            Answer answer = gateway.get();
            return Result.ok(new ChannelOrderDTO("C" + cmd.payOrderNo().substring(1), cmd.payOrderNo(), cmd.tradeNo(),
                    answer.channel(), cmd.method(), cmd.amount(), answer.status(),
                    answer.status() == ChannelOrderStatus.SUCCESS ? null : "weixin://wxpay/bizpayurl?pr=abc", null,
                    answer.status().name(), clock.instant(), answer.status().isFinal() ? clock.instant() : null));
        });
    }

    @Test
    void aCardChargeTheGatewayReroutedRecordsTheChannelThatTookTheMoneyNotTheMethods() {
        // BANK_CARD usually goes to UNIONPAY; another channel stands in for UNIONPAY_B (not in common-api yet)
        gateway.set(new Answer(ChannelCode.ALIPAY, ChannelOrderStatus.SUCCESS));

        PayOrderDTO paid = orchestrator.pay(new PayCmd(TRADE_NO, BUYER, PayMethod.BANK_CARD, "123456", "REQ-000001", CARD_TOKEN));

        assertThat(paid.status()).isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(paid.channel()).isEqualTo("ALIPAY");
        assertThat(orders.find(paid.payOrderNo()).orElseThrow().channel()).isEqualTo("ALIPAY");
        assertThat(orders.writes()).containsExactly(
                new Write(paid.payOrderNo(), PayOrderStatus.CREATED, PayOrderStatus.PROCESSING, null, null),
                new Write(paid.payOrderNo(), PayOrderStatus.PROCESSING, PayOrderStatus.SUCCESS, null, "ALIPAY"));
        JsonNode event = onlyPaySucceeded();
        assertThat(event.get("pay_order_no").asText()).isEqualTo(paid.payOrderNo());
        assertThat(event.get("method").asText()).isEqualTo("BANK_CARD");
        assertThat(event.get("channel").asText()).isEqualTo("ALIPAY");
        assertThat(Instant.parse(event.get("finished_at").asText())).isEqualTo(paid.finishedAt());
        // the ledger's clearing account and the pay order name the same channel
        ArgumentCaptor<PaymentPostingCmd> posting = ArgumentCaptor.forClass(PaymentPostingCmd.class);
        verify(ledger).postPayment(posting.capture());
        assertThat(posting.getValue().channel()).isEqualTo("ALIPAY");
        // a repeat of the request answers the stored pay order, channel included
        assertThat(orchestrator.pay(new PayCmd(TRADE_NO, BUYER, PayMethod.BANK_CARD, "123456", "REQ-000001", CARD_TOKEN)).channel())
                .isEqualTo("ALIPAY");
    }

    @Test
    void aChannelPaymentFinishedLaterByRecoveryRecordsItsChannel() {
        gateway.set(new Answer(ChannelCode.WECHAT, ChannelOrderStatus.PROCESSING));
        PayOrderDTO waiting = orchestrator.pay(new PayCmd(TRADE_NO, BUYER, PayMethod.WECHAT_QR, null, "REQ-000002"));
        assertThat(waiting.status()).isEqualTo(PayOrderStatus.PROCESSING);
        assertThat(waiting.channel()).isNull();
        assertThat(events.delivered()).isEmpty();

        // the buyer scanned; recover is what both the delayed check and ChannelResultListener call
        gateway.set(new Answer(ChannelCode.WECHAT, ChannelOrderStatus.SUCCESS));
        assertThat(orchestrator.recover(waiting.payOrderNo())).isTrue();

        PayOrder paid = orders.find(waiting.payOrderNo()).orElseThrow();
        assertThat(paid.status()).isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(paid.channel()).isEqualTo("WECHAT");
        assertThat(paid.toDTO().channel()).isEqualTo("WECHAT");
        assertThat(onlyPaySucceeded().get("channel").asText()).isEqualTo("WECHAT");
    }

    @Test
    void aBalancePaymentHasNoChannel() {
        PayOrderDTO paid = orchestrator.pay(new PayCmd(TRADE_NO, BUYER, PayMethod.BALANCE, "123456", "REQ-000003"));

        assertThat(paid.status()).isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(paid.channel()).isNull();
        assertThat(orders.find(paid.payOrderNo()).orElseThrow().channel()).isNull();
        // trade-core reads channel only when non-null, and the wallet's method names none either
        assertThat(onlyPaySucceeded().hasNonNull("channel")).isFalse();
    }

    private JsonNode onlyPaySucceeded() {
        assertThat(events.delivered()).hasSize(1);
        Message message = events.delivered().get(0);
        assertThat(message.getTags()).isEqualTo("PAY_SUCCEEDED");
        return InProcessPaySuccess.body(message);
    }
}
