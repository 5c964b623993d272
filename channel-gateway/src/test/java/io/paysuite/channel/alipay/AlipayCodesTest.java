package io.paysuite.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.channel.adapter.Outcome;
import org.junit.jupiter.api.Test;

class AlipayCodesTest {

    @Test
    void aPrecreateFailsOnlyOnADefiniteRefusal() {
        assertThat(AlipayCodes.ofPrecreate("10000", null)).isEqualTo(Outcome.PENDING);
        assertThat(AlipayCodes.ofPrecreate("40002", "isv.invalid-signature")).isEqualTo(Outcome.FAILURE);
        assertThat(AlipayCodes.ofPrecreate("40004", "ACQ.CONTEXT_INCONSISTENT")).isEqualTo(Outcome.FAILURE);
        assertThat(AlipayCodes.ofPrecreate("20000", "isp.unknow-error")).isEqualTo(Outcome.UNKNOWN);
        assertThat(AlipayCodes.ofPrecreate("40004", "ACQ.SYSTEM_ERROR")).isEqualTo(Outcome.UNKNOWN);
        assertThat(AlipayCodes.ofPrecreate("40004", "ACQ.TRADE_HAS_SUCCESS")).as("the query decides").isEqualTo(Outcome.UNKNOWN);
        assertThat(AlipayCodes.ofPrecreate("40004", "ACQ.SOMETHING_NEW")).isEqualTo(Outcome.UNKNOWN);
        assertThat(AlipayCodes.ofPrecreate("99999", null)).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void aQueryMapsTradeStatusesAndNeverTurnsNotFoundOrStrangeAnswersIntoFailure() {
        assertThat(AlipayCodes.ofQuery("10000", null, "TRADE_SUCCESS")).isEqualTo(Outcome.SUCCESS);
        assertThat(AlipayCodes.ofQuery("10000", null, "TRADE_FINISHED")).isEqualTo(Outcome.SUCCESS);
        assertThat(AlipayCodes.ofQuery("10000", null, "WAIT_BUYER_PAY")).isEqualTo(Outcome.PENDING);
        assertThat(AlipayCodes.ofQuery("10000", null, "TRADE_CLOSED")).isEqualTo(Outcome.FAILURE);
        assertThat(AlipayCodes.ofQuery("10000", null, "TRADE_PAUSED")).isEqualTo(Outcome.UNKNOWN);
        assertThat(AlipayCodes.ofQuery("10000", null, null)).isEqualTo(Outcome.UNKNOWN);
        assertThat(AlipayCodes.ofQuery("40004", "ACQ.TRADE_NOT_EXIST", null)).isEqualTo(Outcome.NOT_FOUND);
        assertThat(AlipayCodes.ofQuery("40004", "ACQ.SYSTEM_ERROR", null)).isEqualTo(Outcome.UNKNOWN);
        assertThat(AlipayCodes.ofQuery("20000", null, null)).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void aCloseIsDefiniteOnlyWhenAlipaySaysClosedOrNeverHadIt() {
        assertThat(AlipayCodes.ofClose("10000", null)).isEqualTo(Outcome.SUCCESS);
        assertThat(AlipayCodes.ofClose("40004", "ACQ.TRADE_NOT_EXIST")).isEqualTo(Outcome.NOT_FOUND);
        assertThat(AlipayCodes.ofClose("40004", "ACQ.TRADE_STATUS_ERROR")).isEqualTo(Outcome.FAILURE);
        assertThat(AlipayCodes.ofClose("20000", null)).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void notificationsDecideOnlySuccessOrClose() {
        assertThat(AlipayCodes.ofNotification("TRADE_SUCCESS")).isEqualTo(Outcome.SUCCESS);
        assertThat(AlipayCodes.ofNotification("TRADE_CLOSED")).isEqualTo(Outcome.FAILURE);
        assertThat(AlipayCodes.ofNotification("WAIT_BUYER_PAY")).isEqualTo(Outcome.UNKNOWN);
        assertThat(AlipayCodes.ofNotification(null)).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void amountsConvertExactlyBetweenFenAndYuan() {
        assertThat(AlipayAmounts.yuan(1)).isEqualTo("0.01");
        assertThat(AlipayAmounts.yuan(123_456)).isEqualTo("1234.56");
        assertThat(AlipayAmounts.fen("1234.56")).isEqualTo(123_456L);
        assertThat(AlipayAmounts.fen("0.10")).isEqualTo(10L);
        assertThat(AlipayAmounts.fen("0.001")).as("not a two-decimal amount").isNull();
        assertThat(AlipayAmounts.fen("abc")).isNull();
        assertThat(AlipayAmounts.fen(null)).isNull();
    }
}
