package io.paysuite.sandbox.unionpay;

import io.paysuite.sandbox.ChannelFee;
import io.paysuite.sandbox.SandboxChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The sandbox's UnionPay transaction detail ("ZM") file, in the real record layout: one line per transaction that
 * succeeded and settled that day (Beijing time), 42 fixed-width fields separated by one space, GBK, CRLF
 * ([unconfirmed] the line break), no header or trailer.
 *
 * <p>Field lengths are the ACP SDK demo's {@code parseZMFile} {@code lengthArray} ({@code DemoBase.parseZMFile} as
 * redistributed in Javen205/IJPay, package {@code com.ijpay.demo.controller.unionpay}; the same array in
 * lyenrowe/bill-parser {@code FileParser/UnionpayTxt.php}, which cuts the fields out of the bytes and decodes them from
 * GBK); the SDK steps {@code length + 1} from field to field. Field names: dromara/dax-pay
 * {@code UnionReconcileBillDetail.java} and the spec excerpt in UnionpayTxt.php. Confirmed there: 交易传输时间 n10
 * {@code MMDDhhmmss}; 交易金额 n12 left zero-padded, the amount sent; 查询流水号 an21; 商户订单号 ans32; 交易类型 n2 as in the
 * transaction interface ({@code 01} consume, {@code 04} refund); 商户代码 n15; amounts of the X+n12 kind a D/C sign and
 * 12 digits. Text is right-padded with spaces (how UnionpayTxt.php's {@code trim} reads it).
 *
 * <p>Not confirmed, our choice: 交易代码 {@code S22} consume / {@code S30} refund; the D/C signs (C for a consume's
 * settlement, D for a refund's); 系统跟踪号 taken from the queryId's last 6 digits; 交易传输时间 given from the merchant's
 * {@code txnTime} (the real one is UnionPay's transmission time); the institution codes, 商户类别, 终端类型, 支付卡类型,
 * 交易子类, 业务类型, 帐号类型 values; everything else we do not simulate is blank (text) or zero (numbers, amounts).
 * 原交易查询流水号 and 原始交易订单号 of a refund are left blank (the bill's rows do not carry them).
 *
 * <p>Refused transactions are not in the file (it lists money that moved; it has no response code field).
 */
final class UnionPayBill {

    static final Charset GBK = Charset.forName("GBK");
    /** The ACP SDK's {@code parseZMFile} lengths, in bytes. */
    static final int[] LENGTHS = {3, 11, 11, 6, 10, 19, 12, 4, 2, 21, 2, 32, 2, 6, 10, 13, 13, 4, 15, 2, 2, 6, 2, 4, 32, 1, 21,
            15, 1, 15, 32, 13, 13, 8, 32, 13, 13, 12, 2, 1, 32, 98};
    /** Bytes of a line without its CRLF: the 42 fields and the 41 spaces between them (607). */
    static final int LINE_LENGTH;

    static {
        int length = -1;
        for (int field : LENGTHS) {
            length += field + 1;
        }
        LINE_LENGTH = length;
    }

    private static final String INSTITUTION = "48020000"; // [unconfirmed] an acquiring institution code of our choosing
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** A settled transaction as the bill shows it. */
    record Row(String orderId, String queryId, String txnType, long amountFen, String txnTime, String respCode) {
    }

    private UnionPayBill() {
    }

    /** Byte offset of field {@code number} (1-based, as the spec numbers them) in a line. */
    static int offset(int number) {
        int at = 0;
        for (int i = 0; i < number - 1; i++) {
            at += LENGTHS[i] + 1;
        }
        return at;
    }

    /** Field {@code number} (1-based) of a line, as a string of its bytes' length (ASCII content). */
    static String field(String line, int number) {
        return line.substring(offset(number), offset(number) + LENGTHS[number - 1]);
    }

    static byte[] line(String merId, Row row) {
        boolean refund = "04".equals(row.txnType());
        String amount = String.format("%012d", row.amountFen());
        String zero13 = "C" + "0".repeat(12);
        String[] fields = new String[LENGTHS.length];
        fields[0] = refund ? "S30" : "S22";
        fields[1] = INSTITUTION;
        fields[2] = INSTITUTION;
        fields[3] = row.queryId().substring(Math.max(0, row.queryId().length() - 6));
        fields[4] = row.txnTime().substring(4, 14);
        fields[5] = ""; // 帐号: card numbers are not shown
        fields[6] = amount;
        fields[7] = "5999";
        fields[8] = "07";
        fields[9] = row.queryId();
        fields[10] = "";
        fields[11] = row.orderId();
        fields[12] = "01";
        fields[13] = "000000";
        fields[14] = "0000000000";
        long fee = ChannelFee.of(row.amountFen());
        String feeDigits = String.format("%012d", fee);
        fields[15] = (refund ? "C" : "D") + feeDigits; // 商户手续费: D charged on a consume, C given back with a refund
        fields[16] = (refund ? "D" : "C") + amount; // 结算金额
        fields[17] = "";
        fields[18] = "";
        fields[19] = row.txnType();
        fields[20] = "01".equals(row.txnType()) ? "01" : "00"; // txnSubType: a consume's 01, a refund's or completion's 00
        fields[21] = "000201";
        fields[22] = "01";
        fields[27] = merId;
        fields[31] = zero13;
        fields[32] = (refund ? "D" : "C") + String.format("%012d", row.amountFen() - fee); // 清算净额: after the fee
        fields[35] = zero13;
        fields[36] = zero13;
        fields[37] = "C" + "0".repeat(11);
        fields[38] = "00";
        ByteArrayOutputStream out = new ByteArrayOutputStream(LINE_LENGTH + 2);
        for (int i = 0; i < LENGTHS.length; i++) {
            if (i > 0) {
                out.write(' ');
            }
            byte[] value = (fields[i] == null ? "" : fields[i]).getBytes(GBK);
            if (value.length > LENGTHS[i]) {
                throw new IllegalArgumentException("ZM field " + (i + 1) + " takes " + LENGTHS[i] + " bytes: '" + fields[i] + "'");
            }
            out.writeBytes(value);
            out.writeBytes(" ".repeat(LENGTHS[i] - value.length).getBytes(GBK));
        }
        return out.toByteArray();
    }

    static SandboxChannel.BillFile render(String merId, LocalDate day, List<Row> rows) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        rows.stream().filter(row -> "00".equals(row.respCode())).forEach(row -> {
            text.writeBytes(line(merId, row));
            text.writeBytes(new byte[] {'\r', '\n'});
        });
        return new SandboxChannel.BillFile("UNIONPAY_" + merId + "_" + COMPACT.format(day) + ".txt", "text/plain;charset=GBK",
                text.toByteArray());
    }
}
