package io.paysuite.channel.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ReconcileQry;
import io.paysuite.api.channel.ReconciliationDTO;
import io.paysuite.api.channel.ReconciliationDTO.Difference;
import io.paysuite.api.common.Result;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.order.ChannelOrder;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ChannelReconciler} against an in-memory table of channel orders and a scripted bill (no network, no database). */
class ChannelReconcilerTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 29);
    /** 2026-11-29 in Beijing time is [2026-11-28T16:00Z, 2026-11-29T16:00Z). */
    static final Instant MORNING = Instant.parse("2026-11-28T17:00:00Z");

    final Table table = new Table();
    final Bill bill = new Bill(ChannelCode.ALIPAY);
    final ChannelReconciler reconciler = new ChannelReconciler(List.of(bill), table,
            Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.UTC));

    /** The fake of our side: the filter the mapper's SQL applies, over a list. */
    static final class Table implements SucceededOrders {
        final List<ChannelOrder> rows = new ArrayList<>();

        @Override
        public List<ChannelOrder> succeededBetween(ChannelCode channel, Instant from, Instant to) {
            return rows.stream().filter(o -> o.channel() == channel && o.status() == ChannelOrderStatus.SUCCESS
                    && o.finishedAt() != null && !o.finishedAt().isBefore(from) && o.finishedAt().isBefore(to)).toList();
        }

        @Override
        public Optional<ChannelOrder> find(String channelOrderNo) {
            return rows.stream().filter(o -> o.channelOrderNo().equals(channelOrderNo)).findFirst();
        }
    }

    static final class Bill implements BillSource {
        final ChannelCode channel;
        List<BillRow> rows = new ArrayList<>();
        RuntimeException failure;
        LocalDate asked;

        Bill(ChannelCode channel) {
            this.channel = channel;
        }

        @Override
        public ChannelCode channel() {
            return channel;
        }

        @Override
        public List<BillRow> rows(LocalDate billDate) {
            asked = billDate;
            if (failure != null) {
                throw failure;
            }
            return rows;
        }
    }

    void ours(String no, long fen, ChannelOrderStatus status, Instant finishedAt) {
        table.rows.add(new ChannelOrder(no, "P" + no.substring(1), "T" + no.substring(1), "M1", ChannelCode.ALIPAY, PayMethod.ALIPAY_QR,
                Money.cny(fen), "tea", status, null, "A" + no, "10000", "QUERY", MORNING.plusSeconds(1800), MORNING.minusSeconds(60),
                status.isFinal() ? finishedAt : null));
    }

    void paid(String no, long fen) {
        bill.rows.add(new BillRow(no, "A" + no, BillRow.Kind.PAYMENT, fen, MORNING));
    }

    ReconciliationDTO reconciled() {
        Result<ReconciliationDTO> result = reconciler.reconcile(new ReconcileQry(ChannelCode.ALIPAY, DAY));
        assertThat(result.success()).as(result.code() + " " + result.message()).isTrue();
        assertThat(bill.asked).isEqualTo(DAY);
        return result.data();
    }

    @Test
    void aBalancedDayHasNoDifferencesAndRefundRowsAreNotMatched() {
        ours("C1", 2000, ChannelOrderStatus.SUCCESS, MORNING);
        ours("C2", 1, ChannelOrderStatus.SUCCESS, Instant.parse("2026-11-29T15:59:59.999Z"));
        ours("C3", 500, ChannelOrderStatus.FAILED, MORNING);
        ours("C4", 700, ChannelOrderStatus.SUCCESS, Instant.parse("2026-11-29T16:00:00Z"));
        paid("C1", 2000);
        paid("C2", 1);
        bill.rows.add(new BillRow("C1", "AC1", BillRow.Kind.REFUND, -250, MORNING));

        ReconciliationDTO day = reconciled();

        assertThat(day.balanced()).isTrue();
        assertThat(day).isEqualTo(new ReconciliationDTO(ChannelCode.ALIPAY, DAY, 2, 2001, 2, 2001, List.of()));
    }

    @Test
    void paidAtTheChannelButNotSuccessHereIsMissingHere() {
        ours("C1", 2000, ChannelOrderStatus.PROCESSING, null);
        paid("C1", 2000);
        paid("C9", 300);

        assertThat(reconciled().differences()).containsExactly(
                new Difference("MISSING_HERE", "C1", "AC1", 2000, 0),
                new Difference("MISSING_HERE", "C9", "AC9", 300, 0));
    }

    @Test
    void successHereButAbsentFromTheBillIsMissingAtChannel() {
        ours("C1", 2000, ChannelOrderStatus.SUCCESS, MORNING);
        ours("C2", 100, ChannelOrderStatus.SUCCESS, MORNING);
        paid("C2", 100);

        ReconciliationDTO day = reconciled();

        assertThat(day.differences()).containsExactly(new Difference("MISSING_AT_CHANNEL", "C1", "AC1", 0, 2000));
        assertThat(day.ourPayments()).isEqualTo(2);
        assertThat(day.ourPaidMinor()).isEqualTo(2100);
        assertThat(day.billPayments()).isEqualTo(1);
    }

    @Test
    void differentAmountsAreAnAmountMismatch() {
        ours("C1", 2000, ChannelOrderStatus.SUCCESS, MORNING);
        paid("C1", 1999);

        assertThat(reconciled().differences()).containsExactly(new Difference("AMOUNT_MISMATCH", "C1", "AC1", 1999, 2000));
    }

    @Test
    void anOrderPaidBeforeMidnightButRecordedAfterIsNotMissingHere() {
        ours("C1", 2000, ChannelOrderStatus.SUCCESS, Instant.parse("2026-11-29T16:00:02Z"));
        ours("C2", 900, ChannelOrderStatus.SUCCESS, Instant.parse("2026-11-29T16:00:03Z"));
        paid("C1", 2000);
        paid("C2", 901);

        assertThat(reconciled().differences()).containsExactly(new Difference("AMOUNT_MISMATCH", "C2", "AC2", 901, 900));
    }

    @Test
    void aChannelWithoutBillSourceIsDegradedAndAFailedDownloadIsASystemErrorWithItsReason() {
        Result<ReconciliationDTO> wechat = reconciler.reconcile(new ReconcileQry(ChannelCode.WECHAT, DAY));
        assertThat(wechat.code()).isEqualTo("SERVICE_DEGRADED");

        bill.failure = new BillUnavailableException("alipay refused the bill url: 40004 isp.bill_not_exist");
        Result<ReconciliationDTO> down = reconciler.reconcile(new ReconcileQry(ChannelCode.ALIPAY, DAY));
        assertThat(down.success()).isFalse();
        assertThat(down.code()).isEqualTo("SYSTEM_ERROR");
        assertThat(down.message()).contains("ALIPAY bill of 2026-11-29 could not be downloaded", "isp.bill_not_exist");

        bill.failure = new BillFormatException("Alipay bill is not a zip");
        assertThat(reconciler.reconcile(new ReconcileQry(ChannelCode.ALIPAY, DAY)).message()).contains("could not be read", "not a zip");
    }

    @Test
    void aMissingOrFutureDayIsAParamError() {
        assertThat(reconciler.reconcile(new ReconcileQry(ChannelCode.ALIPAY, null)).code()).isEqualTo("PARAM_ERROR");
        assertThat(reconciler.reconcile(null).code()).isEqualTo("PARAM_ERROR");
        assertThat(reconciler.reconcile(new ReconcileQry(ChannelCode.ALIPAY, LocalDate.of(2026, 12, 1))).code()).isEqualTo("PARAM_ERROR");
        assertThat(bill.asked).isNull();
    }
}
