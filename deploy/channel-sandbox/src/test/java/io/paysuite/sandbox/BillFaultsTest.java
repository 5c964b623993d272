package io.paysuite.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BillFaultsTest {

    static final LocalDate DAY = LocalDate.parse("2026-12-05");

    final BillFaults faults = new BillFaults();

    @Test
    void faultsApplyToTheirChannelAndDayOnlyAndARefundIsNamedByItsNumberOrItsOrder() {
        faults.add(new BillFaults.BillFault("alipay", DAY, BillFaults.Action.DROP_LINE, BillFaults.Kind.PAYMENT, "C1", null, null));
        faults.add(new BillFaults.BillFault("ALIPAY", DAY, BillFaults.Action.CHANGE_AMOUNT, BillFaults.Kind.REFUND, "C2", "R2", 40L));
        faults.add(new BillFaults.BillFault("ALIPAY", DAY, BillFaults.Action.DROP_LINE, BillFaults.Kind.REFUND, "C3", null, null));
        faults.add(new BillFaults.BillFault("WECHAT", DAY, BillFaults.Action.DROP_LINE, BillFaults.Kind.PAYMENT, "C9", null, null));

        List<BillFaults.BillFault> alipay = faults.of("ALIPAY", DAY);

        assertThat(alipay).hasSize(3);
        assertThat(faults.of("ALIPAY", DAY.plusDays(1))).isEmpty();
        assertThat(BillFaults.dropped(alipay, BillFaults.Kind.PAYMENT, "C1", null)).isTrue();
        assertThat(BillFaults.dropped(alipay, BillFaults.Kind.REFUND, "C1", "R1")).isFalse();
        assertThat(BillFaults.dropped(alipay, BillFaults.Kind.REFUND, "C3", "R3a")).isTrue();
        assertThat(BillFaults.amount(alipay, BillFaults.Kind.REFUND, "C2", "R2", 50)).isEqualTo(40);
        assertThat(BillFaults.amount(alipay, BillFaults.Kind.REFUND, "C2", "R2b", 50)).isEqualTo(50);
        assertThat(BillFaults.dropped(alipay, BillFaults.Kind.PAYMENT, "C9", null)).isFalse();
    }

    @Test
    void generatedLinesAreNumberedByPrefixAndSequenceAndAreNoAddedLine() {
        BillFaults.BillFault volume = new BillFaults.BillFault("ALIPAY", DAY, BillFaults.Action.ADD_LINES, BillFaults.Kind.PAYMENT,
                "BK7X", null, 1_000L, 3);
        faults.add(volume);
        faults.add(new BillFaults.BillFault("ALIPAY", DAY, BillFaults.Action.ADD_LINE, BillFaults.Kind.PAYMENT, "C5", null, 5L));

        List<BillFaults.BillFault> alipay = faults.of("ALIPAY", DAY);

        assertThat(BillFaults.generated(alipay)).containsExactly(volume);
        assertThat(BillFaults.added(alipay)).extracting(BillFaults.BillFault::outTradeNo).containsExactly("C5");
        assertThat(volume.generatedNo(0)).isEqualTo("BK7X0000000");
        assertThat(volume.generatedNo(99_999)).isEqualTo("BK7X0099999");
    }

    @Test
    void theChannelFeeIsSixPerThousandRoundedHalfUpToTheFen() {
        assertThat(ChannelFee.of(2_000)).isEqualTo(12);
        assertThat(ChannelFee.of(250)).isEqualTo(2); // 1.5 fen → 2
        assertThat(ChannelFee.of(83)).isZero(); // 0.498 fen → 0
        assertThat(ChannelFee.of(-2_000)).isEqualTo(12);
    }
}
