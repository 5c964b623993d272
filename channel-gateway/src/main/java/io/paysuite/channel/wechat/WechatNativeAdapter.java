package io.paysuite.channel.wechat;

import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.payments.nativepay.NativePayService;
import com.wechat.pay.java.service.payments.nativepay.model.Amount;
import com.wechat.pay.java.service.payments.nativepay.model.CloseOrderRequest;
import com.wechat.pay.java.service.payments.nativepay.model.PrepayRequest;
import com.wechat.pay.java.service.payments.nativepay.model.PrepayResponse;
import com.wechat.pay.java.service.payments.nativepay.model.QueryOrderByOutTradeNoRequest;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.adapter.QrChannelAdapter;
import io.paysuite.channel.order.ChannelOrder;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * WeChat Pay Native (QR) through the official SDK {@code wechatpay-java}: prepay, query by our
 * number, close, over the client {@link WechatHttp} builds (WeChat's public key from configuration,
 * the sandbox host rewrite, no silent retries). The SDK verifies every 2xx answer; a
 * {@code ServiceException} (non-2xx) is read through {@link WechatCodes}; I/O, timeouts and bad
 * signatures are {@code UNKNOWN}.
 */
@Component
@ConditionalOnProperty(prefix = "paysuite.channels.wechat", name = "merchant-private-key")
public class WechatNativeAdapter implements QrChannelAdapter {

    private static final Logger log = LoggerFactory.getLogger(WechatNativeAdapter.class);
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final WechatProperties properties;
    private final NativePayService service;

    public WechatNativeAdapter(WechatProperties properties, WechatHttp http) {
        this.properties = properties;
        this.service = new NativePayService.Builder().httpClient(http.client()).build();
    }

    @Override
    public ChannelCode channel() {
        return ChannelCode.WECHAT;
    }

    @Override
    public PayMethod method() {
        return PayMethod.WECHAT_QR;
    }

    @Override
    public ChannelCall precreate(ChannelOrder order) {
        PrepayRequest request = new PrepayRequest();
        request.setAppid(properties.appid());
        request.setMchid(properties.mchid());
        request.setDescription(order.subject());
        request.setOutTradeNo(order.channelOrderNo());
        request.setTimeExpire(RFC3339.format(order.expiresAt()));
        request.setNotifyUrl(properties.notifyUrl());
        Amount amount = new Amount();
        amount.setTotal(Math.toIntExact(order.amount().minor()));
        amount.setCurrency(order.amount().currency());
        request.setAmount(amount);
        try {
            PrepayResponse response = service.prepay(request);
            return new ChannelCall(Outcome.PENDING, "OK", "prepay", null, response.getCodeUrl(), null);
        } catch (ServiceException refused) {
            return ChannelCall.of(WechatCodes.ofPrepayError(refused.getHttpStatusCode(), refused.getErrorCode()),
                    String.valueOf(refused.getErrorCode()), refused.getErrorMessage());
        } catch (RuntimeException e) {
            return unknown("prepay", order, e);
        }
    }

    @Override
    public ChannelCall query(ChannelOrder order) {
        QueryOrderByOutTradeNoRequest request = new QueryOrderByOutTradeNoRequest();
        request.setMchid(properties.mchid());
        request.setOutTradeNo(order.channelOrderNo());
        try {
            return ofTransaction(service.queryOrderByOutTradeNo(request));
        } catch (ServiceException refused) {
            return ChannelCall.of(WechatCodes.ofQueryError(refused.getHttpStatusCode(), refused.getErrorCode()),
                    String.valueOf(refused.getErrorCode()), refused.getErrorMessage());
        } catch (RuntimeException e) {
            return unknown("query", order, e);
        }
    }

    @Override
    public ChannelCall close(ChannelOrder order) {
        CloseOrderRequest request = new CloseOrderRequest();
        request.setMchid(properties.mchid());
        request.setOutTradeNo(order.channelOrderNo());
        try {
            service.closeOrder(request);
            return ChannelCall.of(Outcome.SUCCESS, "CLOSED", "closed");
        } catch (ServiceException refused) {
            return ChannelCall.of(WechatCodes.ofCloseError(refused.getHttpStatusCode(), refused.getErrorCode()),
                    String.valueOf(refused.getErrorCode()), refused.getErrorMessage());
        } catch (RuntimeException e) {
            return unknown("close", order, e);
        }
    }

    /** A transaction (query answer or decrypted notification) as an answer; the amount is reported, never trusted. */
    static ChannelCall ofTransaction(Transaction transaction) {
        String state = transaction.getTradeState() == null ? null : transaction.getTradeState().name();
        Outcome outcome = WechatCodes.ofTradeState(state);
        Long paid = outcome == Outcome.SUCCESS && transaction.getAmount() != null && transaction.getAmount().getTotal() != null
                ? transaction.getAmount().getTotal().longValue() : null;
        String currency = transaction.getAmount() == null ? null : transaction.getAmount().getCurrency();
        return new ChannelCall(outcome, state, transaction.getTradeStateDesc(), transaction.getTransactionId(), null, paid, currency);
    }

    private static ChannelCall unknown(String operation, ChannelOrder order, RuntimeException e) {
        String raw = e.getClass().getSimpleName().contains("Validation") || e.getClass().getSimpleName().contains("Malformed")
                ? "SIGNATURE" : "IO";
        log.warn("wechat {} of {} outcome unknown ({}): {}", operation, order.channelOrderNo(), raw, e.toString());
        return ChannelCall.unknown(raw, e.getMessage());
    }
}
