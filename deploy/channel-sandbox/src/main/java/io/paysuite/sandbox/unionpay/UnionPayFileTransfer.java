package io.paysuite.sandbox.unionpay;

import io.paysuite.sandbox.SandboxChannel;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;

/**
 * ACP's file transfer transaction as one acquirer answers it: {@code POST …/gateway/api/fileTransReq.do},
 * {@code txnType=76}, {@code txnSubType=01} (对账文件下载), {@code bizType=000000}, {@code fileType=00} (the merchant's
 * reconciliation file), {@code settleDate} MMDD, {@code txnTime}, {@code merId} (open.unionpay.com ACP API 791, "文件传输类交易";
 * UnionPay's demos send the same fields). The answer echoes the request and carries {@code fileName} and {@code fileContent}
 * ({@link AcpFileContent}: zlib DEFLATE + Base64 of the {@link UnionPayBillArchive} ZIP). A day without a transaction
 * settled has no file: {@code 98} 文件不存在 (UnionPay's .NET demo: {@code if ("98" == respcode) // 文件不存在}).
 * The signature is checked by the controller first, as for every ACP request.
 */
final class UnionPayFileTransfer {

    static final String FILE_TRANSFER = "76";
    static final String FILE_NOT_FOUND = "98";
    private static final DateTimeFormatter TXN_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SETTLE_DATE = DateTimeFormatter.ofPattern("MMdd");
    private static final String[] REQUIRED = {"version", "encoding", "signMethod", "txnType", "txnSubType", "bizType",
            "accessType", "merId", "settleDate", "txnTime", "fileType"};

    private UnionPayFileTransfer() {
    }

    /** The answer to a verified request, or an {@link AcpRefusal}; {@code today} is the sandbox's day in Beijing. */
    static Map<String, String> answer(UnionPayGateway gateway, Map<String, String> request, LocalDate today) {
        check(gateway, request);
        LocalDate day = settleDay(MonthDay.parse(request.get("settleDate"), SETTLE_DATE), today);
        SandboxChannel.BillFile bill = gateway.bill(day);
        if (bill.content().length == 0) {
            throw new AcpRefusal(FILE_NOT_FOUND, "文件不存在");
        }
        String merId = request.get("merId");
        Map<String, String> answer = gateway.refused(request, "00", "成功[0000000]");
        answer.put("fileName", UnionPayBillArchive.archiveName(merId, day));
        answer.put("fileContent", AcpFileContent.encode(UnionPayBillArchive.zip(merId, day, bill.content())));
        return answer;
    }

    /**
     * {@code settleDate} has no year: it names the latest such day that is not after today (a 0229 the latest leap
     * day). A day still under way is served with what has settled so far, as the control API's bill is.
     */
    static LocalDate settleDay(MonthDay settleDate, LocalDate today) {
        for (int year = today.getYear(); year > today.getYear() - 8; year--) {
            if (settleDate.isValidYear(year) && !settleDate.atYear(year).isAfter(today)) {
                return settleDate.atYear(year);
            }
        }
        throw new IllegalStateException("no " + settleDate + " in eight years"); // a leap day is at most eight years back
    }

    private static void check(UnionPayGateway gateway, Map<String, String> request) {
        for (String field : REQUIRED) {
            String value = request.get(field);
            if (value == null || value.isBlank()) {
                throw AcpRefusal.missing(field);
            }
        }
        if (!"5.1.0".equals(request.get("version")) || !"01".equals(request.get("signMethod"))) {
            throw AcpRefusal.format("version 5.1.0 and signMethod 01 only");
        }
        if (!"UTF-8".equalsIgnoreCase(request.get("encoding"))) {
            throw AcpRefusal.format("encoding UTF-8 only");
        }
        if (!FILE_TRANSFER.equals(request.get("txnType"))) {
            throw new AcpRefusal("32", "无此交易权限[txnType " + request.get("txnType") + "]");
        }
        if (!"000000".equals(request.get("bizType"))) {
            throw new AcpRefusal("32", "无此交易权限[bizType " + request.get("bizType") + "]");
        }
        if (!"01".equals(request.get("txnSubType")) || !"00".equals(request.get("fileType"))) {
            throw AcpRefusal.format("txnSubType 01 and fileType 00 only");
        }
        if (!gateway.merId().equals(request.get("merId"))) {
            throw new AcpRefusal("31", "商户状态不正确[merId " + request.get("merId") + "]");
        }
        try {
            LocalDateTime.parse(request.get("txnTime"), TXN_TIME);
        } catch (DateTimeParseException e) {
            throw AcpRefusal.format("txnTime yyyyMMddHHmmss");
        }
        try {
            MonthDay.parse(request.get("settleDate"), SETTLE_DATE);
        } catch (DateTimeException e) {
            throw AcpRefusal.format("settleDate MMDD");
        }
    }
}
