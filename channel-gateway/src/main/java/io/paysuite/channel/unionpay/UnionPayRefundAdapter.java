package io.paysuite.channel.unionpay;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.preauth.Completion;
import io.paysuite.channel.preauth.Completions;
import io.paysuite.channel.refund.RefundAdapter;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Refunds of UnionPay token consumes (ACP {@code txnType=04}, naming the consume by {@code origQryId},
 * which is our channel order's channel trade number). The refund's own {@code orderId} is our refund
 * number and its {@code txnTime} the UTC second inside that number shown in Beijing time — derived,
 * never stored, so the query names the same transaction. Accepted ({@code 00}) is not done: the
 * refund settles later and the query's {@code origRespCode} decides.
 *
 * <p>A captured card pre-authorisation is refunded the same way, but what took the money is its completion
 * ({@code txnType=03}), a transaction of its own: UnionPay refunds a completed pre-auth only by the completion's
 * {@code queryId} (the pre-auth's is refused, {@code 35}). The gateway recorded it when UnionPay confirmed the
 * completion ({@link Completions}). While it has not (a refund asked before the capture's completion was confirmed)
 * nothing is sent and the answer is unknown, never a failure: the refund's next attempt asks UnionPay, hears it does not
 * know the refund, and sends it then.
 */
public class UnionPayRefundAdapter implements RefundAdapter {

    private static final DateTimeFormatter ORDER_SECOND = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** Refusals of a refund that prove nothing was returned: amount over what is left, no such original. */
    private static final Set<String> REFUSED = Set.of("33", "35", "10", "11", "13");

    private final AcpClient client;
    private final Completions completions;

    public UnionPayRefundAdapter(AcpClient client, Completions completions) {
        this.client = client;
        this.completions = completions;
    }

    @Override
    public ChannelCode channel() {
        return client.channel();
    }

    @Override
    public ChannelCall refund(ChannelOrder paid, String refundNo, long refundMinor, String reason) {
        String original = paid.channelTradeNo();
        if (paid.authorisation()) {
            Optional<Completion> completion = completions.ofAuthorisation(paid.channelOrderNo());
            if (completion.isEmpty()) {
                return ChannelCall.unknown("NOT_COMPLETED", "the pre-authorisation's completion is not confirmed yet; nothing was sent");
            }
            original = completion.get().channelTradeNo();
        }
        if (original == null) {
            return ChannelCall.of(Outcome.FAILURE, "NO_QUERY_ID", "the consume's queryId is not known; nothing was sent");
        }
        Map<String, String> fields = common(refundNo, "04", "00", "000902");
        fields.put("channelType", "07");
        fields.put("txnAmt", Long.toString(refundMinor));
        fields.put("currencyCode", "156");
        fields.put("backUrl", client.properties().backUrl());
        fields.put("origQryId", original);
        try {
            Map<String, String> answer = client.post(AcpClient.BACK_TRANS, fields);
            String respCode = answer.get("respCode");
            Outcome outcome = UnionPayCodes.OK.equals(respCode) ? Outcome.PENDING
                    : respCode != null && REFUSED.contains(respCode) ? Outcome.FAILURE : Outcome.UNKNOWN;
            return new ChannelCall(outcome, respCode, answer.get("respMsg"), answer.get("queryId"), null, null);
        } catch (AcpClient.AcpFailure failure) {
            return ChannelCall.unknown(failure.rawCode, failure.getMessage());
        }
    }

    @Override
    public ChannelCall queryRefund(ChannelOrder paid, String refundNo) {
        try {
            Map<String, String> answer = client.post(AcpClient.QUERY_TRANS, common(refundNo, "00", "00", "000000"));
            Outcome outcome = UnionPayCodes.ofQuery(answer.get("respCode"), answer.get("origRespCode"));
            String raw = UnionPayCodes.OK.equals(answer.get("respCode")) ? answer.get("origRespCode") : answer.get("respCode");
            // "no such transaction" is not a refusal: the refund is sent again under the same orderId
            // (a duplicate of one UnionPay does have is refused with 12, which decides nothing)
            return ChannelCall.of(outcome, raw, answer.get("respMsg"));
        } catch (AcpClient.AcpFailure failure) {
            return ChannelCall.unknown(failure.rawCode, failure.getMessage());
        }
    }

    /** Our order numbers carry their UTC second after the kind letter (see {@code OrderNo}). */
    static String txnTime(String refundNo) {
        LocalDateTime utc = LocalDateTime.parse(refundNo.substring(1, 15), ORDER_SECOND);
        return UnionPayCardAdapter.TXN_TIME.format(utc.toInstant(ZoneOffset.UTC));
    }

    private Map<String, String> common(String refundNo, String txnType, String txnSubType, String bizType) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("version", "5.1.0");
        fields.put("encoding", "UTF-8");
        fields.put("signMethod", "01");
        fields.put("txnType", txnType);
        fields.put("txnSubType", txnSubType);
        fields.put("bizType", bizType);
        fields.put("accessType", "0");
        fields.put("merId", client.properties().merId());
        fields.put("orderId", refundNo);
        fields.put("txnTime", txnTime(refundNo));
        return fields;
    }
}
