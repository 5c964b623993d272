package io.paysuite.sandbox.alipay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.sandbox.FaultInjector;
import io.paysuite.sandbox.FaultRule;
import io.paysuite.sandbox.SandboxChannel;
import io.paysuite.sandbox.SandboxProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Alipay's open-platform gateway: {@code POST /gateway.do} with the system parameters (and {@code sign}) in the
 * query string and {@code biz_content} in the form body, dispatching on {@code method}. Answers are compact JSON
 * {@code {"<method_with_underscores>_response":{…},"sign":"…"}}, the sign over the exact bytes of the inner object.
 */
@RestController
class AlipayGatewayController {

    private static final MediaType JSON_UTF8 = MediaType.parseMediaType("application/json;charset=UTF-8");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param faultChannel the channel name fault rules match ({@code ALIPAY}, or {@code ALIPAY_PAYOUT} for transfers)
     * @param notFound     what a NOT_FOUND fault on a query answers
     */
    private record Method(FaultRule.Operation operation, Function<Map<String, String>, Map<String, Object>> call,
                          String faultChannel, AlipayError notFound) {

        Method(FaultRule.Operation operation, Function<Map<String, String>, Map<String, Object>> call) {
            this(operation, call, AlipayTrades.CHANNEL, AlipayError.tradeNotExist());
        }
    }

    private final AlipayKeys keys;
    private final AlipayTrades trades;
    private final AlipayTransfers transfers;
    private final FaultInjector faults;
    private final Duration latency;

    AlipayGatewayController(AlipayKeys keys, AlipayTrades trades, AlipayTransfers transfers, FaultInjector faults,
                            SandboxProperties properties) {
        this.keys = keys;
        this.trades = trades;
        this.transfers = transfers;
        this.faults = faults;
        this.latency = Optional.ofNullable(properties.alipay().latency()).orElse(Duration.ZERO);
    }

    @PostMapping("/gateway.do")
    ResponseEntity<String> gateway(HttpServletRequest request) {
        FaultInjector.sleep(latency.toMillis());
        Map<String, String> params = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (values.length > 0) {
                params.put(name, values[0]);
            }
        });
        String methodName = params.get("method");
        Map<String, Method> methods = methods(params.get("notify_url"));
        Method method = methodName == null ? null : methods.get(methodName);
        String root = method == null ? "error_response" : methodName.replace('.', '_') + "_response";

        if (!keys.configured()) {
            return answer(root, error(AlipayError.invalid("isv.missing-signature-config",
                    "应用未配置对应签名算法的公钥或者证书")), false);
        }
        Charset charset = charset(params.get("charset"));
        AlipayError refusal = refuse(params, methodName, method, charset);
        if (refusal != null) {
            return answer(root, error(refusal), true);
        }

        Optional<FaultRule> fault = method.operation() == null ? Optional.empty()
                : faults.draw(method.faultChannel(), method.operation());
        FaultRule.Mode mode = fault.map(FaultRule::mode).orElse(null);
        if (mode == FaultRule.Mode.ERROR) {
            // with a code: a definite business refusal (nothing applied); without: Alipay's "system busy"
            AlipayError refused = fault.get().refusalCode()
                    .map(code -> AlipayError.business(code, "sandbox fault: refused with " + code))
                    .orElseGet(AlipayError::unavailable);
            return answer(root, error(refused), true);
        }
        if (mode == FaultRule.Mode.NOT_FOUND && method.operation() == FaultRule.Operation.query) {
            return answer(root, error(method.notFound()), true);
        }
        if (mode == FaultRule.Mode.NOT_FOUND && method.operation() == FaultRule.Operation.payout) {
            // the request is lost on the way: nothing applied, and no answer before the client gives up
            FaultInjector.sleep(FaultInjector.millis(fault.get()));
            return answer(root, error(AlipayError.unavailable()), true);
        }
        if (mode == FaultRule.Mode.SLOW) {
            FaultInjector.sleep(FaultInjector.millis(fault.get()));
        }
        Map<String, Object> inner;
        try {
            inner = method.call().apply(bizContent(params.get("biz_content")));
        } catch (AlipayError e) {
            inner = error(e);
        }
        if (mode == FaultRule.Mode.TIMEOUT) {
            // applied, but the answer comes after the client gave up: the uncertain case
            FaultInjector.sleep(FaultInjector.millis(fault.get()));
        }
        return answer(root, inner, true);
    }

    @GetMapping("/alipay/bills/{day}.csv.zip")
    ResponseEntity<?> billFile(@PathVariable String day) {
        return billFile(day, trades);
    }

    /** The account bill (账务明细) the signcustomer download URL points at: the transfers' lines. */
    @GetMapping("/alipay/bills/signcustomer/{day}.csv.zip")
    ResponseEntity<?> accountBillFile(@PathVariable String day) {
        return billFile(day, transfers);
    }

    private static ResponseEntity<?> billFile(String day, SandboxChannel channel) {
        LocalDate date;
        try {
            date = LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        SandboxChannel.BillFile file = channel.bill(date);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(file.contentType()));
        headers.setContentDisposition(org.springframework.http.ContentDisposition.attachment()
                .filename(file.fileName(), StandardCharsets.UTF_8).build());
        return new ResponseEntity<>(file.content(), headers, HttpStatus.OK);
    }

    private Map<String, Method> methods(String notifyUrl) {
        Map<String, Method> methods = new HashMap<>();
        methods.put("alipay.trade.precreate", new Method(FaultRule.Operation.charge, biz -> trades.precreate(biz, notifyUrl)));
        methods.put("alipay.trade.pay", new Method(FaultRule.Operation.charge, biz -> trades.pay(biz, notifyUrl)));
        methods.put("alipay.trade.query", new Method(FaultRule.Operation.query, trades::query));
        methods.put("alipay.trade.close", new Method(null, trades::close));
        methods.put("alipay.trade.cancel", new Method(null, trades::cancel));
        methods.put("alipay.trade.refund", new Method(FaultRule.Operation.refund, trades::refund));
        methods.put("alipay.trade.fastpay.refund.query", new Method(FaultRule.Operation.refund, trades::refundQuery));
        methods.put("alipay.data.dataservice.bill.downloadurl.query", new Method(null, this::billDownloadUrl));
        methods.put("alipay.fund.trans.uni.transfer", new Method(FaultRule.Operation.payout, transfers::transfer,
                AlipayTransfers.CHANNEL, null));
        methods.put("alipay.fund.trans.common.query", new Method(FaultRule.Operation.query, transfers::query,
                AlipayTransfers.CHANNEL, AlipayError.business("ORDER_NOT_EXIST", "转账订单不存在")));
        return methods;
    }

    private Map<String, Object> billDownloadUrl(Map<String, String> biz) {
        String type = biz.get("bill_type");
        if (!"trade".equals(type) && !"signcustomer".equals(type)) {
            throw AlipayError.business("isv.invalid-bill-type", "账单类型不正确: the sandbox serves bill_type trade and signcustomer");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(String.valueOf(biz.get("bill_date")));
        } catch (DateTimeParseException e) {
            throw AlipayError.business("isv.invalid-bill-date", "账单时间格式不正确: yyyy-MM-dd");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", "10000");
        answer.put("msg", "Success");
        answer.put("bill_download_url", ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("signcustomer".equals(type) ? "/alipay/bills/signcustomer/" + date + ".csv.zip" : "/alipay/bills/" + date + ".csv.zip")
                .build().toUriString());
        return answer;
    }

    private AlipayError refuse(Map<String, String> params, String methodName, Method method, Charset charset) {
        if (methodName == null || methodName.isBlank()) {
            return new AlipayError("40001", "Missing Required Arguments", "isv.missing-method", "缺少方法名参数");
        }
        String appId = params.get("app_id");
        if (appId == null || appId.isBlank()) {
            return new AlipayError("40001", "Missing Required Arguments", "isv.missing-app-id", "缺少AppID参数");
        }
        if (!appId.equals(keys.appId())) {
            return AlipayError.invalid("isv.invalid-app-id", "无效的AppID参数");
        }
        String sign = params.get("sign");
        if (sign == null || sign.isBlank()) {
            return new AlipayError("40001", "Missing Required Arguments", "isv.missing-signature", "缺少签名参数");
        }
        if (!"RSA2".equals(params.get("sign_type"))) {
            return AlipayError.invalid("isv.invalid-signature-type", "无效的签名类型: the sandbox takes RSA2");
        }
        if (!keys.verifyRequest(params, charset)) {
            return AlipayError.invalid("isv.invalid-signature", "验签出错");
        }
        if (method == null) {
            return AlipayError.invalid("isv.invalid-method", "不存在的方法名");
        }
        return null;
    }

    private static Map<String, String> bizContent(String text) {
        Map<String, String> biz = new HashMap<>();
        if (text == null || text.isBlank()) {
            return biz;
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw AlipayError.invalid("isv.invalid-parameter", "biz_content 不是合法的JSON");
        }
        if (node == null || !node.isObject()) {
            throw AlipayError.invalid("isv.invalid-parameter", "biz_content 不是合法的JSON");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            biz.put(field.getKey(), field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString());
        }
        return biz;
    }

    private static Map<String, Object> error(AlipayError e) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("code", e.code);
        inner.put("msg", e.msg);
        inner.put("sub_code", e.subCode);
        inner.put("sub_msg", e.subMsg);
        return inner;
    }

    private ResponseEntity<String> answer(String root, Map<String, Object> inner, boolean signed) {
        String innerJson;
        try {
            innerJson = JSON.writeValueAsString(inner);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder body = new StringBuilder("{\"").append(root).append("\":").append(innerJson);
        if (signed) {
            body.append(",\"sign\":\"").append(keys.sign(innerJson, StandardCharsets.UTF_8)).append('"');
        }
        body.append('}');
        return ResponseEntity.ok().contentType(JSON_UTF8).body(body.toString());
    }

    private static Charset charset(String name) {
        try {
            return name == null || name.isBlank() ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
