package io.paysuite.channel.unionpay;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Map;

/**
 * Builds UnionPay ZM records for tests from the ACP SDK's {@code parseZMFile} length array written out here again (not
 * {@link UnionPayZmLayout}'s, not the sandbox's renderer): fields space-padded on the right in GBK bytes, one space
 * between fields; fields not given are blanks, or zeros where the field is numeric.
 */
final class ZmTestLines {

    static final int[] SDK_LENGTHS = {3, 11, 11, 6, 10, 19, 12, 4, 2, 21, 2, 32, 2, 6, 10, 13, 13, 4, 15, 2, 2, 6, 2, 4, 32, 1,
            21, 15, 1, 15, 32, 13, 13, 8, 32, 13, 13, 12, 2, 1, 32, 98};
    static final Charset GBK = Charset.forName("GBK");

    private ZmTestLines() {
    }

    /** Fields by their 1-based number in the spec (5 交易传输时间, 7 交易金额, 10 查询流水号, 12 商户订单号, 20 交易类型, …). */
    static byte[] record(Map<Integer, String> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < SDK_LENGTHS.length; i++) {
            if (i > 0) {
                out.write(' ');
            }
            String value = fields.get(i + 1);
            byte[] bytes = (value == null ? "" : value).getBytes(GBK);
            if (bytes.length > SDK_LENGTHS[i]) {
                throw new IllegalArgumentException("field " + (i + 1) + " too long");
            }
            out.writeBytes(bytes);
            for (int pad = bytes.length; pad < SDK_LENGTHS[i]; pad++) {
                out.write(' ');
            }
        }
        return out.toByteArray();
    }

    static byte[] record(String txnType, String orderId, String queryId, long fen, String traceTime) {
        return record(Map.of(1, "01".equals(txnType) ? "S22" : "S30", 5, traceTime, 7, String.format("%012d", fen), 10, queryId,
                12, orderId, 20, txnType, 28, "777290058110048"));
    }

    static String line(String txnType, String orderId, String queryId, long fen, String traceTime) {
        return new String(record(txnType, orderId, queryId, fen, traceTime), GBK);
    }

    static byte[] file(byte[]... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] record : records) {
            out.writeBytes(record);
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        return out.toByteArray();
    }
}
