package io.paysuite.sandbox.unionpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ZM file against the ACP SDK's {@code parseZMFile} length array, written out here again and walked as the SDK does. */
class UnionPayBillTest {

    static final int[] SDK = {3, 11, 11, 6, 10, 19, 12, 4, 2, 21, 2, 32, 2, 6, 10, 13, 13, 4, 15, 2, 2, 6, 2, 4, 32, 1, 21, 15, 1, 15,
            32, 13, 13, 8, 32, 13, 13, 12, 2, 1, 32, 98};
    static final String MER_ID = "777290058110048";

    /** {@code parseZMFile}: {@code rightIndex = leftIndex + length; leftIndex = rightIndex + 1}, on GBK bytes. */
    static List<String> sdkFields(byte[] line) {
        String[] fields = new String[SDK.length];
        int left = 0;
        for (int i = 0; i < SDK.length; i++) {
            fields[i] = new String(line, left, SDK[i], Charset.forName("GBK"));
            left += SDK[i] + 1;
        }
        return List.of(fields);
    }

    @Test
    void aLineIsTheSdks42FieldsOneSpaceApart607Bytes() {
        byte[] line = UnionPayBill.line(MER_ID, new UnionPayBill.Row("C2026112914000001000010004", "902611292300000000001", "01", 6_600,
                "20261129220000", "00"));
        assertThat(line).hasSize(Arrays.stream(SDK).sum() + SDK.length - 1).hasSize(607).hasSize(UnionPayBill.LINE_LENGTH);
        assertThat(UnionPayBill.LENGTHS).containsExactly(SDK);
        int at = 0;
        for (int i = 0; i < SDK.length - 1; i++) {
            at += SDK[i];
            assertThat(line[at]).as("separator after field %d", i + 1).isEqualTo((byte) ' ');
            at++;
        }
        List<String> f = sdkFields(line);
        assertThat(f.get(0)).isEqualTo("S22");
        assertThat(f.get(3)).isEqualTo("000001");
        assertThat(f.get(4)).isEqualTo("1129220000");
        assertThat(f.get(6)).isEqualTo("000000006600");
        assertThat(f.get(9)).isEqualTo("902611292300000000001");
        assertThat(f.get(11)).isEqualTo("C2026112914000001000010004      ");
        assertThat(f.get(16)).isEqualTo("C000000006600");
        assertThat(f.get(19)).isEqualTo("01");
        assertThat(f.get(27)).isEqualTo(MER_ID);
        assertThat(f.get(41)).isBlank();
    }

    @Test
    void refundsAreType04AndRefusedTransactionsAreNotInTheFile() {
        var file = UnionPayBill.render(MER_ID, LocalDate.of(2026, 11, 29), List.of(
                new UnionPayBill.Row("C1000000001", "902611292300000000001", "01", 100, "20261129220000", "00"),
                new UnionPayBill.Row("C1000000002", "902611292300000000002", "01", 200, "20261129220100", "64"),
                new UnionPayBill.Row("R1000000001", "902611292300000000003", "04", 50, "20261129220200", "00")));
        assertThat(file.fileName()).isEqualTo("UNIONPAY_" + MER_ID + "_20261129.txt");
        assertThat(file.contentType()).isEqualTo("text/plain;charset=GBK");
        String text = new String(file.content(), UnionPayBill.GBK);
        assertThat(text).endsWith("\r\n").doesNotContain("C1000000002");
        List<String> lines = List.of(text.split("\r\n"));
        assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line).hasSize(607));
        List<String> refund = sdkFields(lines.get(1).getBytes(UnionPayBill.GBK));
        assertThat(refund.get(0)).isEqualTo("S30");
        assertThat(refund.get(6)).isEqualTo("000000000050");
        assertThat(refund.get(11).strip()).isEqualTo("R1000000001");
        assertThat(refund.get(19)).isEqualTo("04");
        assertThat(refund.get(16)).isEqualTo("D000000000050");
    }

    @Test
    void anOrderNumberLongerThanTheFieldIsRefusedNotCut() {
        assertThatThrownBy(() -> UnionPayBill.line(MER_ID, new UnionPayBill.Row("C".repeat(33), "902611292300000000001", "01", 1,
                "20261129220000", "00"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field 12");
    }
}
