package io.paysuite.channel.unionpay;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.adapter.AuthorisingAdapter;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.CodeChannelAdapter;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.order.ChannelOrder;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Bank card through UnionPay's token payment (ACP 5.1.0, {@code bizType=000902}): the buyer's bound card is a token,
 * and it travels in the payment-code slot — {@code pay(order, token)} — so the payment-code follow-up of
 * {@code CodeFollowUps} drives it: one consume, then delayed queries, never a failure on an unknown answer.
 * UnionPay's {@code orderId} is our channel order number ({@code C} + digits, within ACP's 8–40 letters and digits);
 * {@code txnTime} is the order's creation time in Beijing time, derived again for every call (merId + orderId + txnTime
 * identify the transaction, so it must never change and is never stored).
 *
 * <p>Card pre-authorisation in ACP's own messages: the authorisation is a pre-auth ({@code txnType=02}) sent exactly as
 * a consume and followed up the same way; its completion ({@code 03}) or cancel ({@code 32}) names it by
 * {@code origQryId} (the pre-auth's {@code queryId}, kept as the channel order's channel trade number) and is its own
 * transaction, identified by the end's number and time, queried as any other.
 */
public class UnionPayCardAdapter implements AuthorisingAdapter {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TXN_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(BEIJING);
    /** A token goes inside {@code tokenPayData={token=…&trId=…}}: braces, {@code &} or {@code =} would break the field. */
    private static final Pattern TOKEN = Pattern.compile("[0-9A-Za-z]{1,64}");

    private final AcpClient client;

    public UnionPayCardAdapter(AcpClient client) {
        this.client = client;
    }

    @Override
    public ChannelCode channel() {
        return client.channel();
    }

    /** ACP's refusals of our merchant account at this acquirer (format, signature, merchant state, permission, limit, hours). */
    @Override
    public boolean refusedByChannel(String rawCode) {
        return AuthorisingAdapter.super.refusedByChannel(rawCode) || UnionPayCodes.refusedByAcquirer(rawCode);
    }

    @Override
    public PayMethod method() {
        return PayMethod.BANK_CARD;
    }

    /** Consume with the bound card's token: {@code PENDING} when accepted (the result follows), {@code FAILURE} when refused. */
    @Override
    public ChannelCall pay(ChannelOrder order, String token) {
        return tokenTransaction(order, token, "01");
    }

    /** 预授权 ({@code txnType=02}): the consume's fields; the card's amount is frozen, not taken. */
    @Override
    public ChannelCall authorise(ChannelOrder order, String token) {
        return tokenTransaction(order, token, "02");
    }

    /** 预授权完成 ({@code 03}) for the capture, or 预授权撤销 ({@code 32}) for the whole authorised amount. */
    @Override
    public ChannelCall end(ChannelOrder authorisation, End end) {
        if (authorisation.channelTradeNo() == null) {
            return ChannelCall.of(Outcome.FAILURE, "NO_QUERY_ID", "the authorisation has no UnionPay queryId; nothing was sent");
        }
        Map<String, String> fields = common(end.number(), TXN_TIME.format(end.at()), end.completion() ? "03" : "32", "00", "000902");
        fields.put("channelType", "07");
        fields.put("txnAmt", Long.toString(end.completion() ? end.capture() : authorisation.amount().minor()));
        fields.put("currencyCode", "156");
        fields.put("backUrl", client.properties().backUrl());
        fields.put("origQryId", authorisation.channelTradeNo());
        try {
            Map<String, String> answer = client.post(AcpClient.BACK_TRANS, fields);
            String respCode = answer.get("respCode");
            return new ChannelCall(UnionPayCodes.ofPreAuthEnd(respCode), respCode, answer.get("respMsg"), answer.get("queryId"), null,
                    null);
        } catch (AcpClient.AcpFailure failure) {
            return ChannelCall.unknown(failure.rawCode, failure.getMessage());
        }
    }

    @Override
    public ChannelCall queryEnd(ChannelOrder authorisation, End end) {
        return query(common(end.number(), TXN_TIME.format(end.at()), "00", "00", "000000"));
    }

    private ChannelCall tokenTransaction(ChannelOrder order, String token, String txnType) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return ChannelCall.of(Outcome.FAILURE, "INVALID_TOKEN", "the card token must be 1-64 letters or digits; nothing was sent");
        }
        Map<String, String> fields = common(order, txnType, "01", "000902");
        fields.put("channelType", "07");
        fields.put("txnAmt", Long.toString(order.amount().minor()));
        fields.put("currencyCode", "156");
        fields.put("backUrl", client.properties().backUrl());
        fields.put("tokenPayData", "{token=" + token + "&trId=" + client.properties().trId() + "}");
        try {
            Map<String, String> answer = client.post(AcpClient.BACK_TRANS, fields);
            String respCode = answer.get("respCode");
            return new ChannelCall(UnionPayCodes.ofConsume(respCode), respCode, answer.get("respMsg"), answer.get("queryId"), null, null);
        } catch (AcpClient.AcpFailure failure) {
            return ChannelCall.unknown(failure.rawCode, failure.getMessage());
        }
    }

    /** {@code queryTrans.do} by orderId + txnTime; the transaction's own result is {@code origRespCode}. */
    @Override
    public ChannelCall query(ChannelOrder order) {
        return query(common(order, "00", "00", "000000"));
    }

    private ChannelCall query(Map<String, String> request) {
        try {
            Map<String, String> answer = client.post(AcpClient.QUERY_TRANS, request);
            String respCode = answer.get("respCode");
            Outcome outcome = UnionPayCodes.ofQuery(respCode, answer.get("origRespCode"));
            if (!UnionPayCodes.OK.equals(respCode)) {
                return new ChannelCall(outcome, respCode, answer.get("respMsg"), null, null, null);
            }
            return new ChannelCall(outcome, answer.get("origRespCode"), answer.get("origRespMsg"), answer.get("queryId"), null,
                    outcome == Outcome.SUCCESS ? fen(answer.get("txnAmt")) : null, currency(answer.get("currencyCode")));
        } catch (AcpClient.AcpFailure failure) {
            return ChannelCall.unknown(failure.rawCode, failure.getMessage());
        }
    }

    /**
     * ACP has no cancel of a token consume before it settles (a cancel, txnType 31, is for settled same-day consumes
     * and returns money: a different business act). So an unsettled consume cannot be ended from here: the answer is
     * {@code UNKNOWN}, and the order is left to the queries, pay-core's checks and reconciliation.
     */
    @Override
    public ChannelCall close(ChannelOrder order) {
        return ChannelCall.unknown("NO_CANCEL", "UnionPay token consumes cannot be cancelled before settlement; query decides");
    }

    static String txnTime(ChannelOrder order) {
        return TXN_TIME.format(order.createdAt());
    }

    private Map<String, String> common(ChannelOrder order, String txnType, String txnSubType, String bizType) {
        return common(order.channelOrderNo(), txnTime(order), txnType, txnSubType, bizType);
    }

    private Map<String, String> common(String orderId, String txnTime, String txnType, String txnSubType, String bizType) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("version", "5.1.0");
        fields.put("encoding", "UTF-8");
        fields.put("signMethod", "01");
        fields.put("txnType", txnType);
        fields.put("txnSubType", txnSubType);
        fields.put("bizType", bizType);
        fields.put("accessType", "0");
        fields.put("merId", client.properties().merId());
        fields.put("orderId", orderId);
        fields.put("txnTime", txnTime);
        return fields;
    }

    /**
     * ACP's numeric currency code as ISO: 156 is CNY; another code is kept as it is (never ours), and a missing
     * one is null — a success must state it.
     */
    static String currency(String currencyCode) {
        if (currencyCode == null || currencyCode.isBlank()) {
            return null;
        }
        return "156".equals(currencyCode.trim()) ? "CNY" : currencyCode.trim();
    }

    static Long fen(String txnAmt) {
        try {
            return txnAmt == null ? null : Long.valueOf(txnAmt);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
