package io.paysuite.sandbox.wechat;

import io.paysuite.sandbox.FaultInjector;
import io.paysuite.sandbox.FaultRule;
import io.paysuite.sandbox.SandboxProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * WeChat Pay API v2's payment-code calls, XML in and out, always HTTP 200 as at WeChat. A request must be the flat v2
 * XML with {@code nonce_str}, {@code sign_type=HMAC-SHA256} and a {@code sign} made with the API v2 key, else
 * {@code return_code=FAIL} (unsigned, like WeChat's). Understood calls answer {@code return_code=SUCCESS}, signed, with
 * {@code result_code} SUCCESS or FAIL ({@code err_code}). Faults of channel WECHAT apply after the signature check:
 * {@code charge} = micropay, {@code query} = orderquery; the reversal is never faulted. No client certificate is asked
 * for on {@code /secapi} (the sandbox is plain HTTP; production needs mutual TLS).
 */
@RestController
class WechatV2Controller {

    private static final MediaType XML = MediaType.parseMediaType("text/xml;charset=UTF-8");

    private final WechatV2Keys keys;
    private final WechatMicropay micropay;
    private final WechatKeys merchant;
    private final FaultInjector faults;
    private final Duration latency;

    WechatV2Controller(WechatV2Keys keys, WechatMicropay micropay, WechatKeys merchant, FaultInjector faults,
                       SandboxProperties properties) {
        this.keys = keys;
        this.micropay = micropay;
        this.merchant = merchant;
        this.faults = faults;
        this.latency = Optional.ofNullable(properties.wechat().latency()).orElse(Duration.ZERO);
    }

    @PostMapping("/pay/micropay")
    ResponseEntity<byte[]> micropay(@RequestBody(required = false) byte[] body) {
        return call(body, FaultRule.Operation.charge, micropay::micropay);
    }

    @PostMapping("/pay/orderquery")
    ResponseEntity<byte[]> orderQuery(@RequestBody(required = false) byte[] body) {
        return call(body, FaultRule.Operation.query, micropay::orderQuery);
    }

    @PostMapping("/secapi/pay/reverse")
    ResponseEntity<byte[]> reverse(@RequestBody(required = false) byte[] body) {
        return call(body, null, micropay::reverse);
    }

    private ResponseEntity<byte[]> call(byte[] body, FaultRule.Operation operation,
                                        Function<Map<String, String>, Map<String, String>> apply) {
        FaultInjector.sleep(latency.toMillis());
        if (!keys.configured()) {
            return fail("sandbox has no WeChat v2 key");
        }
        Map<String, String> request;
        try {
            request = V2Xml.parse(body == null ? new byte[0] : body);
        } catch (IllegalArgumentException e) {
            return fail("XML格式错误");
        }
        if (isBlank(request.get("nonce_str"))) {
            return fail("缺少参数 nonce_str");
        }
        if (!V2Signature.SIGN_TYPE.equals(request.get("sign_type"))) {
            return fail("签名类型错误: the sandbox accepts sign_type HMAC-SHA256 only");
        }
        if (!keys.verify(request)) {
            return fail("签名错误");
        }

        Optional<FaultRule> fault = operation == null ? Optional.empty() : faults.draw(WechatPay.CHANNEL, operation);
        FaultRule.Mode mode = fault.map(FaultRule::mode).orElse(null);
        if (mode == FaultRule.Mode.ERROR) {
            // with a code: a definite business refusal; without: WeChat's "system error, query later" — nothing applied
            return answer(fault.get().refusalCode().map(code -> new V2Refusal(code, "sandbox fault: " + code))
                    .orElseGet(() -> new V2Refusal("SYSTEMERROR", "系统超时")), null);
        }
        if (mode == FaultRule.Mode.NOT_FOUND && operation == FaultRule.Operation.query) {
            return answer(new V2Refusal("ORDERNOTEXIST", "此交易订单号不存在"), null);
        }
        if (mode == FaultRule.Mode.SLOW) {
            FaultInjector.sleep(FaultInjector.millis(fault.get()));
        }
        ResponseEntity<byte[]> answer;
        try {
            answer = answer(null, apply.apply(request));
        } catch (V2Refusal refused) {
            answer = answer(refused, null);
        }
        if (mode == FaultRule.Mode.TIMEOUT) {
            // applied, but the answer comes after the client gave up: the uncertain case
            FaultInjector.sleep(FaultInjector.millis(fault.get()));
        }
        return answer;
    }

    /** A signed {@code return_code=SUCCESS} answer: the business fields, or the refusal's err_code. */
    private ResponseEntity<byte[]> answer(V2Refusal refused, Map<String, String> fields) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("return_code", "SUCCESS");
        answer.put("return_msg", "OK");
        answer.put("appid", merchant.appid());
        answer.put("mch_id", merchant.mchid());
        answer.put("nonce_str", merchant.nonce(32));
        if (refused == null) {
            answer.put("result_code", "SUCCESS");
            answer.putAll(fields);
        } else {
            answer.put("result_code", "FAIL");
            answer.put("err_code", refused.errCode);
            answer.put("err_code_des", refused.getMessage());
        }
        answer.put("sign", keys.sign(answer));
        return xml(answer);
    }

    /** {@code return_code=FAIL}: the call was not understood (XML, signature, keys). Unsigned, as WeChat's. */
    private static ResponseEntity<byte[]> fail(String message) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("return_code", "FAIL");
        answer.put("return_msg", message);
        return xml(answer);
    }

    private static ResponseEntity<byte[]> xml(Map<String, String> answer) {
        return ResponseEntity.ok().contentType(XML).body(V2Xml.write(answer).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
