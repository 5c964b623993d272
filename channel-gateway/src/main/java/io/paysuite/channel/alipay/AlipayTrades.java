package io.paysuite.channel.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.domain.AlipayTradeCancelModel;
import com.alipay.api.domain.AlipayTradeCloseModel;
import com.alipay.api.domain.AlipayTradeFastpayRefundQueryModel;
import com.alipay.api.domain.AlipayTradePayModel;
import com.alipay.api.domain.AlipayTradeRefundModel;
import com.alipay.api.domain.AlipayTradePrecreateModel;
import com.alipay.api.domain.AlipayTradeQueryModel;
import com.alipay.api.request.AlipayTradeCancelRequest;
import com.alipay.api.request.AlipayTradeCloseRequest;
import com.alipay.api.request.AlipayTradeFastpayRefundQueryRequest;
import com.alipay.api.request.AlipayTradePayRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import com.alipay.api.request.AlipayTradePrecreateRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.response.AlipayTradeCancelResponse;
import com.alipay.api.response.AlipayTradeCloseResponse;
import com.alipay.api.response.AlipayTradeFastpayRefundQueryResponse;
import com.alipay.api.response.AlipayTradePayResponse;
import com.alipay.api.response.AlipayTradeRefundResponse;
import com.alipay.api.response.AlipayTradePrecreateResponse;
import com.alipay.api.response.AlipayTradeQueryResponse;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.order.ChannelOrder;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Alipay's face-to-face trade API through the official SDK: {@code alipay.trade.precreate} (QR),
 * {@code .pay} (payment code), {@code .query}, {@code .close}, {@code .cancel}. The SDK verifies
 * every answer's signature against Alipay's public key; a failed check, an I/O error or a timeout
 * is {@code UNKNOWN} — never a refusal. {@link AlipayQrAdapter} and {@link AlipayCodeAdapter} are
 * the two methods on top of it.
 *
 * <p>The SDK's requests take no HTTP headers of ours, so an Alipay call carries no {@code traceparent};
 * the trace stays on our side, in the MDC of every log line about the call.
 */
@Component
@ConditionalOnProperty(prefix = "paysuite.channels.alipay", name = "server-url")
public class AlipayTrades {

    private static final Logger log = LoggerFactory.getLogger(AlipayTrades.class);
    /** Alipay reads times as Beijing time. */
    private static final DateTimeFormatter ALIPAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final AlipayClient client;
    private final AlipayProperties properties;

    public AlipayTrades(AlipayProperties properties, AlipayClient client) {
        this.properties = properties;
        this.client = client;
    }

    public ChannelCall precreate(ChannelOrder order) {
        AlipayTradePrecreateModel model = new AlipayTradePrecreateModel();
        model.setOutTradeNo(order.channelOrderNo());
        model.setTotalAmount(AlipayAmounts.yuan(order.amount().minor()));
        model.setSubject(order.subject());
        model.setTimeExpire(ALIPAY_TIME.format(order.expiresAt()));
        AlipayTradePrecreateRequest request = new AlipayTradePrecreateRequest();
        request.setBizModel(model);
        request.setNotifyUrl(properties.notifyUrl());
        try {
            AlipayTradePrecreateResponse response = client.execute(request);
            Outcome outcome = AlipayCodes.ofPrecreate(response.getCode(), response.getSubCode());
            return new ChannelCall(outcome, rawCode(response.getCode(), response.getSubCode()), message(response.getMsg(),
                    response.getSubMsg()), null, outcome == Outcome.PENDING ? response.getQrCode() : null, null);
        } catch (AlipayApiException | RuntimeException e) {
            return unknown("precreate", order, e);
        }
    }

    /** Alipay's {@code trade.pay} with scene {@code bar_code}: 10000 paid, 10003 waiting for the buyer. */
    public ChannelCall pay(ChannelOrder order, String authCode) {
        AlipayTradePayModel model = new AlipayTradePayModel();
        model.setOutTradeNo(order.channelOrderNo());
        model.setScene("bar_code");
        model.setAuthCode(authCode);
        model.setTotalAmount(AlipayAmounts.yuan(order.amount().minor()));
        model.setSubject(order.subject());
        AlipayTradePayRequest request = new AlipayTradePayRequest();
        request.setBizModel(model);
        request.setNotifyUrl(properties.notifyUrl());
        try {
            AlipayTradePayResponse response = client.execute(request);
            Outcome outcome = AlipayCodes.ofPay(response.getCode(), response.getSubCode());
            return new ChannelCall(outcome, rawCode(response.getCode(), response.getSubCode()), message(response.getMsg(),
                    response.getSubMsg()), response.getTradeNo(), null,
                    outcome == Outcome.SUCCESS ? AlipayAmounts.fen(response.getTotalAmount()) : null,
                    AlipayAmounts.currency(response.getTransCurrency()));
        } catch (AlipayApiException | RuntimeException e) {
            return unknown("pay", order, e);
        }
    }

    /** {@code trade.cancel}: closes an unpaid trade or refunds a paid one; {@code retry_flag=Y} means ask again. */
    public ChannelCall cancel(ChannelOrder order) {
        AlipayTradeCancelModel model = new AlipayTradeCancelModel();
        model.setOutTradeNo(order.channelOrderNo());
        AlipayTradeCancelRequest request = new AlipayTradeCancelRequest();
        request.setBizModel(model);
        try {
            AlipayTradeCancelResponse response = client.execute(request);
            Outcome outcome = AlipayCodes.ofCancel(response.getCode(), response.getSubCode(), response.getRetryFlag());
            String raw = AlipayCodes.OK.equals(response.getCode()) ? "CANCEL_" + response.getAction()
                    : rawCode(response.getCode(), response.getSubCode());
            return ChannelCall.of(outcome, raw, message(response.getMsg(), response.getSubMsg()));
        } catch (AlipayApiException | RuntimeException e) {
            return unknown("cancel", order, e);
        }
    }

    /**
     * {@code trade.refund} keyed by {@code out_request_no}. Alipay answers a repeat of the same request
     * with {@code fund_change=N}: then only the refund query tells whether it went through.
     */
    public ChannelCall refund(ChannelOrder paid, String refundNo, long refundMinor, String reason) {
        AlipayTradeRefundModel model = new AlipayTradeRefundModel();
        model.setOutTradeNo(paid.channelOrderNo());
        model.setOutRequestNo(refundNo);
        model.setRefundAmount(AlipayAmounts.yuan(refundMinor));
        model.setRefundReason(reason);
        AlipayTradeRefundRequest request = new AlipayTradeRefundRequest();
        request.setBizModel(model);
        try {
            AlipayTradeRefundResponse response = client.execute(request);
            if (AlipayCodes.OK.equals(response.getCode()) && "N".equals(response.getFundChange())) {
                return queryRefund(paid, refundNo);
            }
            return ChannelCall.of(AlipayCodes.ofRefund(response.getCode(), response.getSubCode()),
                    AlipayCodes.OK.equals(response.getCode()) ? "REFUND_SUCCESS" : rawCode(response.getCode(), response.getSubCode()),
                    message(response.getMsg(), response.getSubMsg()));
        } catch (AlipayApiException | RuntimeException e) {
            return unknown("refund", paid, e);
        }
    }

    /** {@code fastpay.refund.query}: {@code REFUND_SUCCESS} is done; an answer without a refund status means "not there" ({@code NOT_FOUND}). */
    public ChannelCall queryRefund(ChannelOrder paid, String refundNo) {
        AlipayTradeFastpayRefundQueryModel model = new AlipayTradeFastpayRefundQueryModel();
        model.setOutTradeNo(paid.channelOrderNo());
        model.setOutRequestNo(refundNo);
        AlipayTradeFastpayRefundQueryRequest request = new AlipayTradeFastpayRefundQueryRequest();
        request.setBizModel(model);
        try {
            AlipayTradeFastpayRefundQueryResponse response = client.execute(request);
            boolean answered = AlipayCodes.OK.equals(response.getCode());
            boolean done = answered && "REFUND_SUCCESS".equals(response.getRefundStatus());
            // Alipay: no refund_status means the refund request was not received (or did not go
            // through); it asks merchants to send it again under the same out_request_no
            boolean absent = answered && (response.getRefundStatus() == null || response.getRefundStatus().isBlank());
            return ChannelCall.of(done ? Outcome.SUCCESS : absent ? Outcome.NOT_FOUND : Outcome.UNKNOWN,
                    done ? "REFUND_SUCCESS" : rawCode(response.getCode(), response.getSubCode()), message(response.getMsg(), response.getSubMsg()));
        } catch (AlipayApiException | RuntimeException e) {
            return unknown("refund query", paid, e);
        }
    }

    public ChannelCall query(ChannelOrder order) {
        AlipayTradeQueryModel model = new AlipayTradeQueryModel();
        model.setOutTradeNo(order.channelOrderNo());
        AlipayTradeQueryRequest request = new AlipayTradeQueryRequest();
        request.setBizModel(model);
        try {
            AlipayTradeQueryResponse response = client.execute(request);
            Outcome outcome = AlipayCodes.ofQuery(response.getCode(), response.getSubCode(), response.getTradeStatus());
            String raw = AlipayCodes.OK.equals(response.getCode()) ? response.getTradeStatus()
                    : rawCode(response.getCode(), response.getSubCode());
            return new ChannelCall(outcome, raw, message(response.getMsg(), response.getSubMsg()), response.getTradeNo(), null,
                    outcome == Outcome.SUCCESS ? AlipayAmounts.fen(response.getTotalAmount()) : null,
                    AlipayAmounts.currency(response.getTransCurrency()));
        } catch (AlipayApiException | RuntimeException e) {
            return unknown("query", order, e);
        }
    }

    public ChannelCall close(ChannelOrder order) {
        AlipayTradeCloseModel model = new AlipayTradeCloseModel();
        model.setOutTradeNo(order.channelOrderNo());
        AlipayTradeCloseRequest request = new AlipayTradeCloseRequest();
        request.setBizModel(model);
        try {
            AlipayTradeCloseResponse response = client.execute(request);
            return ChannelCall.of(AlipayCodes.ofClose(response.getCode(), response.getSubCode()),
                    rawCode(response.getCode(), response.getSubCode()), message(response.getMsg(), response.getSubMsg()));
        } catch (AlipayApiException | RuntimeException e) {
            return unknown("close", order, e);
        }
    }

    private static ChannelCall unknown(String operation, ChannelOrder order, Exception e) {
        String message = String.valueOf(e.getMessage());
        String raw = message.contains("sign check fail") ? "SIGNATURE" : "IO";
        log.warn("alipay {} of {} outcome unknown ({}): {}", operation, order.channelOrderNo(), raw, e.toString());
        return ChannelCall.unknown(raw, message);
    }

    static String rawCode(String code, String subCode) {
        return subCode == null || subCode.isBlank() ? code : subCode;
    }

    static String message(String msg, String subMsg) {
        return subMsg == null || subMsg.isBlank() ? msg : subMsg;
    }
}
