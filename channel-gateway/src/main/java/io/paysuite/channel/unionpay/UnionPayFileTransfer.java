package io.paysuite.channel.unionpay;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.channel.reconcile.BillUnavailableException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ACP's file transfer transaction for one acquirer: {@code txnType=76}, {@code txnSubType=01} (对账文件下载),
 * {@code bizType=000000}, {@code fileType=00} (the merchant's reconciliation file), {@code settleDate} MMDD and
 * {@code txnTime} in Beijing time, signed with the acquirer's merchant key and verified like every ACP answer (request
 * fields: open.unionpay.com ACP API 791 "文件传输类交易"; UnionPay's demos send the same). It answers the verified
 * fields; what a {@code respCode} means for the bill is the bill source's business.
 */
public class UnionPayFileTransfer {

    static final String FILE_TRANSFER = "76";
    private static final DateTimeFormatter SETTLE_DATE = DateTimeFormatter.ofPattern("MMdd");

    /**
     * A verified answer.
     *
     * @param fileName    what UnionPay calls the archive (the SDK saves it under this name)
     * @param fileContent the archive, zlib-deflated and Base64; null without a file
     */
    public record Answer(String respCode, String respMsg, String fileName, String fileContent) {
    }

    private final AcpClient client;
    private final Clock clock;

    public UnionPayFileTransfer(AcpClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    public ChannelCode channel() {
        return client.channel();
    }

    /** Our merchant number at this acquirer: the one the file is of. */
    public String merId() {
        return client.properties().merId();
    }

    /**
     * Asks for the file of {@code settleDay} (a Beijing day; ACP names it by month and day only).
     *
     * @throws BillUnavailableException no verified answer (I/O, HTTP status, signature), or one about another merchant or day
     */
    public Answer request(LocalDate settleDay) {
        String settleDate = SETTLE_DATE.format(settleDay);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("version", "5.1.0");
        fields.put("encoding", "UTF-8");
        fields.put("signMethod", "01");
        fields.put("txnType", FILE_TRANSFER);
        fields.put("txnSubType", "01");
        fields.put("bizType", "000000");
        fields.put("accessType", "0");
        fields.put("merId", merId());
        fields.put("settleDate", settleDate);
        fields.put("txnTime", UnionPayCardAdapter.TXN_TIME.format(clock.instant()));
        fields.put("fileType", "00");
        Map<String, String> answer;
        try {
            answer = client.fileTransfer(fields);
        } catch (AcpClient.AcpFailure failure) {
            throw new BillUnavailableException(channel() + " file transfer of " + settleDay + " failed: " + failure.rawCode + " "
                    + failure.getMessage());
        }
        // a signed answer is UnionPay's word, but it must be about what we asked: echoed fields must match
        mustEcho(answer, "merId", merId(), settleDay);
        mustEcho(answer, "settleDate", settleDate, settleDay);
        return new Answer(answer.get("respCode"), answer.get("respMsg"), answer.get("fileName"), answer.get("fileContent"));
    }

    private void mustEcho(Map<String, String> answer, String field, String expected, LocalDate settleDay) {
        String echoed = answer.get(field);
        if (echoed != null && !echoed.equals(expected)) {
            throw new BillUnavailableException(channel() + " file transfer of " + settleDay + " answered " + field + "=" + echoed
                    + ", not " + expected);
        }
    }
}
