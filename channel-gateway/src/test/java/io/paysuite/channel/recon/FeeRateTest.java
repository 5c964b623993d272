package io.paysuite.channel.recon;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.reconcile.BillRow;
import io.paysuite.kit.routing.RoutingRule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The agreed fee of a bill line, and of a day, by the routing rules' rate. */
class FeeRateTest {

    @Test
    void aPaymentPaysTheRateRoundedHalfUpPlusTheFixedPartAndARefundGetsTheRatePartBack() {
        FeeRate rate = new FeeRate(60, 0);
        assertThat(rate.onPayment(1_202)).as("7.212").isEqualTo(7);
        assertThat(rate.onPayment(1_250)).as("7.5").isEqualTo(8);
        assertThat(rate.onPayment(83)).as("0.498").isZero();
        assertThat(rate.onRefund(-404)).as("2.424 given back, whatever the bill's sign").isEqualTo(-2);
        FeeRate withFixed = new FeeRate(38, 100);
        assertThat(withFixed.onPayment(10_000)).isEqualTo(38 + 100);
        assertThat(withFixed.onRefund(10_000)).as("the fixed part is not given back").isEqualTo(-38);
    }

    @Test
    void aRuleStatesARateOnlyWhenItNamesAFee() {
        RoutingRule open = RoutingRule.open(ChannelCode.ALIPAY, PayMethod.ALIPAY_QR);
        RoutingRule priced = new RoutingRule(ChannelCode.ALIPAY, PayMethod.ALIPAY_QR, true, null, null, null, null, null, null, null,
                60, null, null);

        assertThat(FeeRate.of(open)).isEmpty();
        assertThat(FeeRate.of(priced)).contains(new FeeRate(60, 0));
    }

    @Test
    void aDayIsPricedLineByLineAtTheRateOfTheOrderEachNamesAndAskedOncePerOrder() {
        List<BillRow> bill = List.of(ReconFixtures.paid("C1", 1_250), ReconFixtures.refunded("C1", "R1", 404),
                ReconFixtures.refunded("C1", "R2", 250), new BillRow("C9", "2026C9", BillRow.Kind.PAYMENT, 900, ReconFixtures.IN_DAY, null, 50));
        List<String> asked = new ArrayList<>();
        Map<String, FeeRate> rates = Map.of("C1", new FeeRate(60, 0));

        long fee = ExpectedFee.of(bill, number -> {
            asked.add(number);
            return Optional.ofNullable(rates.get(number));
        });

        assertThat(fee).as("8 − 2 − 2 (1.5 half up), and C9 at the bill's 50").isEqualTo(8 - 2 - 2 + 50);
        assertThat(asked).containsExactly("C1", "C9");
        assertThat(ExpectedFee.difference(ChannelCode.ALIPAY, LocalDate.parse("2026-12-05"), 54, 54)).isEmpty();
        assertThat(ExpectedFee.difference(ChannelCode.ALIPAY, LocalDate.parse("2026-12-05"), 61, 54)).hasValueSatisfying(found -> {
            assertThat(found.identity()).isEqualTo("FEE/FEE_MISMATCH/FEE-ALIPAY-20261205");
            assertThat(found.channelAmount()).isEqualTo(61);
            assertThat(found.ourAmount()).isEqualTo(54);
        });
    }
}
