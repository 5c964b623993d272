package io.paysuite.pay.order.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.OpenPayOrderCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.pay.order.PayOrder;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How each tool reads a refusal: the wallet's ledger posting by the one notion of outcome (only
 * SYSTEM_ERROR and SERVICE_DEGRADED leave it unknown), the gateway's charge by its own contract
 * (only PARAM_ERROR and SERVICE_DEGRADED say nothing was sent).
 */
class RefusalOutcomesTest {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    final LedgerService ledger = mock(LedgerService.class);
    final ChannelService channels = mock(ChannelService.class);

    final PayOrder order = PayOrder.open("P2026112210000003000000519", new OpenPayOrderCmd("T2026112210000003000000519",
            "10000000007", "M100001", PayMethod.BALANCE, Money.cny(1000), "REQ-000001"), "digest", T0);
    final TradeDTO trade = new TradeDTO("T2026112210000003000000519", "M100001", "order-1", TradeType.INSTANT,
            TradeStatus.PAYING, Money.cny(1000), Money.cny(0), Money.cny(0), "subject", "10000000007", null, null, null, null,
            T0, null, null);

    @Test
    void theWalletFailsOnADefiniteLedgerRefusalAndWaitsOnAnUnknownOne() {
        Map<String, ToolOutcome.Kind> expected = Map.of(
                "INSUFFICIENT_BALANCE", ToolOutcome.Kind.FAILED,
                "PARAM_ERROR", ToolOutcome.Kind.FAILED,
                "CODE_OF_A_NEWER_BUILD", ToolOutcome.Kind.FAILED,
                "SYSTEM_ERROR", ToolOutcome.Kind.UNKNOWN,
                "SERVICE_DEGRADED", ToolOutcome.Kind.UNKNOWN);
        expected.forEach((code, kind) -> {
            when(ledger.postPayment(any())).thenReturn(Result.fail(code, "refused"));

            ToolOutcome outcome = new BalanceTool(ledger).charge(order, trade, null);

            assertThat(outcome.kind()).as(code).isEqualTo(kind);
            assertThat(outcome.code()).as(code).isEqualTo(code);
        });
    }

    @Test
    void theWalletSucceedsWhenTheLedgerPostsAndIsUnknownWhenTheCallBreaks() {
        when(ledger.postPayment(any())).thenReturn(Result.ok(null));
        assertThat(new BalanceTool(ledger).charge(order, trade, null)).isEqualTo(ToolOutcome.success());

        when(ledger.postPayment(any())).thenThrow(new IllegalStateException("timeout"));
        ToolOutcome broken = new BalanceTool(ledger).charge(order, trade, null);
        assertThat(broken.kind()).isEqualTo(ToolOutcome.Kind.UNKNOWN);
        assertThat(broken.code()).isEqualTo("SYSTEM_ERROR");
    }

    @Test
    void aChargeFailsOnlyWhenTheGatewaySaysNothingWasSent() {
        Map<String, ToolOutcome.Kind> expected = Map.of(
                "PARAM_ERROR", ToolOutcome.Kind.FAILED,
                "SERVICE_DEGRADED", ToolOutcome.Kind.FAILED,
                "SYSTEM_ERROR", ToolOutcome.Kind.UNKNOWN,
                "CODE_OF_A_NEWER_BUILD", ToolOutcome.Kind.UNKNOWN);
        expected.forEach((code, kind) -> {
            when(channels.charge(any())).thenReturn(Result.fail(code, "refused"));

            ToolOutcome outcome = new ChannelTool(PayMethod.WECHAT_QR, channels, ledger).charge(order, trade, null);

            assertThat(outcome.kind()).as(code).isEqualTo(kind);
            assertThat(outcome.code()).as(code).isEqualTo(code);
        });
    }
}
