package io.paysuite.channel.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.domain.AlipayTradeCloseModel;
import com.alipay.api.domain.AlipayTradePrecreateModel;
import com.alipay.api.domain.AlipayTradeQueryModel;
import com.alipay.api.request.AlipayTradeCloseRequest;
import com.alipay.api.request.AlipayTradePrecreateRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.response.AlipayTradeCloseResponse;
import com.alipay.api.response.AlipayTradePrecreateResponse;
import com.alipay.api.response.AlipayTradeQueryResponse;
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
 * Alipay face-to-face QR ({@code alipay.trade.precreate}, {@code .query}, {@code .close}) through
 * the official SDK. The SDK verifies every answer's signature against Alipay's public key; a
 * failed check, an I/O error or a timeout is {@code UNKNOWN} — never a refusal.
 */
@Component
@ConditionalOnProperty(prefix = "paysuite.channels.alipay", name = "server-url")
public class AlipayQrAdapter implements QrChannelAdapter {

    private static final Logger log = LoggerFactory.getLogger(AlipayQrAdapter.class);
    /** Alipay reads times as Beijing time. */
    private static final DateTimeFormatter ALIPAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final AlipayClient client;
    private final AlipayProperties properties;

    public AlipayQrAdapter(AlipayProperties properties) {
        this.properties = properties;
        this.client = AlipayClientFactory.create(properties);
    }

    @Override
    public ChannelCode channel() {
        return ChannelCode.ALIPAY;
    }

    @Override
    public PayMethod method() {
        return PayMethod.ALIPAY_QR;
    }

    @Override
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

    @Override
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
                    outcome == Outcome.SUCCESS ? AlipayAmounts.fen(response.getTotalAmount()) : null);
        } catch (AlipayApiException | RuntimeException e) {
            return unknown("query", order, e);
        }
    }

    @Override
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

    private static String rawCode(String code, String subCode) {
        return subCode == null || subCode.isBlank() ? code : subCode;
    }

    private static String message(String msg, String subMsg) {
        return subMsg == null || subMsg.isBlank() ? msg : subMsg;
    }
}
