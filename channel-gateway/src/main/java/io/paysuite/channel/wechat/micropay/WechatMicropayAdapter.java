package io.paysuite.channel.wechat.micropay;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.CodeChannelAdapter;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.wechat.WechatProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * WeChat payment code (API v2, hand-written XML: WeChat's official SDKs have no v2): {@code /pay/micropay} with our
 * channel order number as {@code out_trade_no}, {@code /pay/orderquery}, and {@code /secapi/pay/reverse} as the close
 * (it closes an unpaid order and refunds a paid one). On when {@code paysuite.channels.wechat.v2-key-file} is set.
 * Answers go through {@link WechatMicropayCodes}; I/O and timeouts are {@code UNKNOWN IO}, an answer failing the
 * signature check {@code UNKNOWN SIGNATURE}.
 */
@Component
@ConditionalOnProperty(prefix = "paysuite.channels.wechat", name = "v2-key-file")
public class WechatMicropayAdapter implements CodeChannelAdapter {

    private static final Logger log = LoggerFactory.getLogger(WechatMicropayAdapter.class);
    /** The terminal's IP is required by micropay; the gateway charges on the merchant's behalf from the server side. */
    static final String SPBILL_CREATE_IP = "127.0.0.1";

    private final WechatV2Client client;

    public WechatMicropayAdapter(WechatProperties properties) {
        this.client = new WechatV2Client(properties, new WechatV2Signer(readKey(properties)));
    }

    @Override
    public ChannelCode channel() {
        return ChannelCode.WECHAT;
    }

    @Override
    public PayMethod method() {
        return PayMethod.WECHAT_CODE;
    }

    @Override
    public ChannelCall pay(ChannelOrder order, String authCode) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("body", order.subject());
        fields.put("out_trade_no", order.channelOrderNo());
        fields.put("total_fee", Long.toString(order.amount().minor()));
        fields.put("fee_type", order.amount().currency());
        fields.put("spbill_create_ip", SPBILL_CREATE_IP);
        fields.put("auth_code", authCode);
        Map<String, String> answer;
        try {
            answer = client.post("/pay/micropay", fields);
        } catch (WechatV2Client.NoAnswer e) {
            return unknown("micropay", order, e);
        }
        Outcome outcome = WechatMicropayCodes.ofPay(answer.get("return_code"), answer.get("result_code"), answer.get("err_code"));
        Long paid = outcome == Outcome.SUCCESS ? fen(answer.get("total_fee")) : null;
        return new ChannelCall(outcome, rawCode(answer), rawMessage(answer), answer.get("transaction_id"), null, paid,
                currency(answer.get("fee_type")));
    }

    @Override
    public ChannelCall query(ChannelOrder order) {
        Map<String, String> answer;
        try {
            answer = client.post("/pay/orderquery", Map.of("out_trade_no", order.channelOrderNo()));
        } catch (WechatV2Client.NoAnswer e) {
            return unknown("orderquery", order, e);
        }
        String state = answer.get("trade_state");
        Outcome outcome = WechatMicropayCodes.ofQuery(answer.get("return_code"), answer.get("result_code"),
                answer.get("err_code"), state);
        Long paid = outcome == Outcome.SUCCESS ? fen(answer.get("total_fee")) : null;
        boolean business = "SUCCESS".equals(answer.get("result_code")) && state != null;
        return new ChannelCall(outcome, business ? state : rawCode(answer),
                business ? answer.get("trade_state_desc") : rawMessage(answer), answer.get("transaction_id"), null, paid,
                currency(answer.get("fee_type")));
    }

    /** The reversal: WeChat revokes an unpaid order and refunds a paid one; {@code recall=Y} means ask again. */
    @Override
    public ChannelCall close(ChannelOrder order) {
        Map<String, String> answer;
        try {
            answer = client.post("/secapi/pay/reverse", Map.of("out_trade_no", order.channelOrderNo()));
        } catch (WechatV2Client.NoAnswer e) {
            return unknown("reverse", order, e);
        }
        Outcome outcome = WechatMicropayCodes.ofReverse(answer.get("return_code"), answer.get("result_code"),
                answer.get("err_code"), answer.get("recall"));
        String raw = outcome == Outcome.SUCCESS ? "REVERSED" : "Y".equals(answer.get("recall")) ? "RECALL" : rawCode(answer);
        return ChannelCall.of(outcome, raw, rawMessage(answer));
    }

    /** {@code err_code} of a business refusal, else {@code result_code}, else {@code return_code} (FAIL envelopes). */
    private static String rawCode(Map<String, String> answer) {
        if (!"SUCCESS".equals(answer.get("return_code"))) {
            return "RETURN_" + answer.getOrDefault("return_code", "MISSING");
        }
        String err = answer.get("err_code");
        return err != null && !err.isBlank() ? err : answer.getOrDefault("result_code", "MISSING");
    }

    private static String rawMessage(Map<String, String> answer) {
        String des = answer.get("err_code_des");
        return des != null && !des.isBlank() ? des : answer.get("return_msg");
    }

    /** The amount WeChat says was paid, reported for the caller's check, never trusted blindly; unreadable → none. */
    /** v2 {@code fee_type}: WeChat documents CNY as the default when the answer omits it. */
    static String currency(String feeType) {
        return feeType == null || feeType.isBlank() ? "CNY" : feeType.trim();
    }

    private static Long fen(String totalFee) {
        try {
            return totalFee == null ? null : Long.valueOf(totalFee);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ChannelCall unknown(String operation, ChannelOrder order, WechatV2Client.NoAnswer e) {
        log.warn("wechat {} of {} outcome unknown ({}): {}", operation, order.channelOrderNo(), e.rawCode(), e.getMessage());
        return ChannelCall.unknown(e.rawCode(), e.getMessage());
    }

    private static String readKey(WechatProperties properties) {
        try {
            return Files.readString(properties.v2KeyFile()).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("paysuite.channels.wechat.v2-key-file " + properties.v2KeyFile() + " is unreadable", e);
        }
    }
}
