package io.paysuite.channel.unionpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.channel.reconcile.BillFormatException;
import io.paysuite.channel.reconcile.BillRow;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnionPayBillParserTest {

    static final Clock NEXT_MORNING = Clock.fixed(Instant.parse("2026-11-30T01:00:00Z"), ZoneOffset.UTC);

    @Test
    void theSdksLayoutIs607BytesA42FieldRecord() {
        assertThat(ZmTestLines.SDK_LENGTHS).hasSize(42);
        assertThat(Arrays.stream(ZmTestLines.SDK_LENGTHS).sum() + 41).isEqualTo(607).isEqualTo(UnionPayBillParser.LINE_LENGTH);
        assertThat(UnionPayZmLayout.LENGTHS).containsExactly(ZmTestLines.SDK_LENGTHS);
        assertThat(UnionPayZmLayout.offset(UnionPayZmLayout.ORDER_ID)).isEqualTo(3 + 11 + 11 + 6 + 10 + 19 + 12 + 4 + 2 + 21 + 2 + 11);
    }

    @Test
    void paymentsAndRefundsAreReadWithAmountsInFenAndBeijingTime() {
        byte[] file = ZmTestLines.file(
                ZmTestLines.record("01", "C2026112914000001000010004", "902611292300000000001", 6_600, "1129220000"),
                ZmTestLines.record("04", "R2026112914050001000010004", "902611292300000000003", 1_600, "1129220500"));

        var rows = new UnionPayBillParser(NEXT_MORNING).parse(file);

        assertThat(rows).containsExactly(
                new BillRow("C2026112914000001000010004", "902611292300000000001", BillRow.Kind.PAYMENT, 6_600,
                        Instant.parse("2026-11-29T14:00:00Z")),
                new BillRow("R2026112914050001000010004", "902611292300000000003", BillRow.Kind.REFUND, -1_600,
                        Instant.parse("2026-11-29T14:05:00Z"), "R2026112914050001000010004", 0));
    }

    @Test
    void gbkTextInOtherFieldsIsCountedInBytesAndLfOnlyLinesAreRead() {
        Map<Integer, String> fields = new HashMap<>(Map.of(1, "S22", 5, "1129220000", 7, "000000012345", 10, "902611292300000000009",
                12, "C2026112914000001000010009", 20, "01"));
        fields.put(31, "测试商户"); // 二级商户简称, 8 GBK bytes
        fields.put(35, "备注：中文"); // 商户自定义域
        byte[] record = ZmTestLines.record(fields);
        assertThat(record).hasSize(607);
        byte[] file = Arrays.copyOf(record, record.length + 1);
        file[record.length] = '\n';

        assertThat(new UnionPayBillParser(NEXT_MORNING).parse(file)).containsExactly(new BillRow("C2026112914000001000010009",
                "902611292300000000009", BillRow.Kind.PAYMENT, 12_345, Instant.parse("2026-11-29T14:00:00Z")));
    }

    @Test
    void theYearComesFromTheBillsDayNotFromToday() {
        byte[] file = ZmTestLines.file(ZmTestLines.record("01", "C1", "Q1", 1, "1129220000"),
                ZmTestLines.record("01", "C2", "Q2", 1, "1231235959"));
        var lastYears = UnionPayBillParser.forBillDate(java.time.LocalDate.of(2025, 11, 29)).parse(file);
        assertThat(lastYears.get(0).finishedAt()).isEqualTo(Instant.parse("2025-11-29T14:00:00Z"));
        assertThat(lastYears.get(1).finishedAt()).as("not after the bill's next day").isEqualTo(Instant.parse("2024-12-31T15:59:59Z"));
        var newYears = UnionPayBillParser.forBillDate(java.time.LocalDate.of(2027, 1, 1)).parse(file);
        assertThat(newYears.get(1).finishedAt()).as("December's line in January's file").isEqualTo(Instant.parse("2026-12-31T15:59:59Z"));
    }

    @Test
    void aTimeWithoutYearIsTheLatestNotAfterTomorrow() {
        Clock newYearsDay = Clock.fixed(Instant.parse("2027-01-01T02:00:00Z"), ZoneOffset.UTC);
        byte[] file = ZmTestLines.file(ZmTestLines.record("01", "C1", "Q1", 1, "1231235959"));
        assertThat(new UnionPayBillParser(newYearsDay).parse(file).get(0).finishedAt()).isEqualTo(Instant.parse("2026-12-31T15:59:59Z"));
    }

    @Test
    void aTruncatedLineABadAmountOrAnUnknownTypeIsAFormatErrorNeverASkippedRow() {
        byte[] good = ZmTestLines.record("01", "C1", "Q1", 1, "1129220000");
        UnionPayBillParser parser = new UnionPayBillParser(NEXT_MORNING);
        assertThatThrownBy(() -> parser.parse(Arrays.copyOf(good, 91)))
                .isInstanceOf(BillFormatException.class).hasMessageContaining("bytes");
        assertThatThrownBy(() -> parser.parse(Arrays.copyOf(good, 606)))
                .isInstanceOf(BillFormatException.class).hasMessageContaining("bytes");

        Map<Integer, String> badAmount = new HashMap<>(Map.of(5, "1129220000", 7, "00000000001X", 10, "Q1", 12, "C1", 20, "01"));
        assertThatThrownBy(() -> parser.parse(ZmTestLines.record(badAmount)))
                .isInstanceOf(BillFormatException.class).hasMessageContaining("fen");
        Map<Integer, String> blankAmount = new HashMap<>(Map.of(5, "1129220000", 10, "Q1", 12, "C1", 20, "01"));
        assertThatThrownBy(() -> parser.parse(ZmTestLines.record(blankAmount)))
                .isInstanceOf(BillFormatException.class).hasMessageContaining("fen");

        assertThatThrownBy(() -> parser.parse(ZmTestLines.record("31", "C1", "Q1", 1, "1129220000")))
                .isInstanceOf(BillFormatException.class).hasMessageContaining("txnType");
        assertThatThrownBy(() -> parser.parse(ZmTestLines.record("01", "C1", "Q1", 1, "1329220000")))
                .isInstanceOf(BillFormatException.class).hasMessageContaining("traceTime");
        // a bad line among good ones fails the whole file
        assertThatThrownBy(() -> parser.parse(ZmTestLines.file(good, Arrays.copyOf(good, 600), good)))
                .isInstanceOf(BillFormatException.class).hasMessageContaining("line 2");
    }
}
