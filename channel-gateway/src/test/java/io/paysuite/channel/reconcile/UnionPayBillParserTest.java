package io.paysuite.channel.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UnionPayBillParserTest {

    static String line(String orderId, String queryId, String txnType, long fen, String txnTime, String respCode) {
        return String.format("%-40s%-21s%-2s%012d%-14s%-2s", orderId, queryId, txnType, fen, txnTime, respCode);
    }

    @Test
    void paymentsAndRefundsAreReadAndRefusalsLeftOut() {
        String file = line("C2026112914000001000010004", "902611292300000000001", "01", 6_600, "20261129220000", "00") + "\r\n"
                + line("C2026112914000001000010005", "902611292300000000002", "01", 700, "20261129220100", "64") + "\r\n"
                + line("R2026112914050001000010004", "902611292300000000003", "04", 1_600, "20261129220500", "00") + "\r\n";

        var rows = new UnionPayBillParser().parse(file.getBytes(StandardCharsets.US_ASCII));

        assertThat(rows).containsExactly(
                new BillRow("C2026112914000001000010004", "902611292300000000001", BillRow.Kind.PAYMENT, 6_600,
                        Instant.parse("2026-11-29T14:00:00Z")),
                new BillRow("R2026112914050001000010004", "902611292300000000003", BillRow.Kind.REFUND, -1_600,
                        Instant.parse("2026-11-29T14:05:00Z")));
    }

    @Test
    void aTruncatedLineOrABadAmountIsAFormatErrorNeverASkippedRow() {
        String good = line("C1", "Q1", "01", 1, "20261129220000", "00");
        assertThatThrownBy(() -> new UnionPayBillParser().parse(good.substring(0, 80).getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(BillFormatException.class).hasMessageContaining("characters");
        String badAmount = good.substring(0, 63) + "00000000001X" + good.substring(75);
        assertThatThrownBy(() -> new UnionPayBillParser().parse(badAmount.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(BillFormatException.class).hasMessageContaining("fen");
    }
}
