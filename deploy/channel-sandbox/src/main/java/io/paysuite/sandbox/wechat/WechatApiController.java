package io.paysuite.sandbox.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.sandbox.FaultInjector;
import io.paysuite.sandbox.FaultRule;
import io.paysuite.sandbox.SandboxChannel;
import io.paysuite.sandbox.SandboxProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * WeChat Pay API v3 at {@code /v3/**}: each call is checked against the merchant's {@code WECHATPAY2-SHA256-RSA2048}
 * Authorization, may be faulted, and is answered with JSON signed by the platform key (the {@code Wechatpay-*}
 * headers), errors included. The official SDK reaches it by rewriting api.mch.weixin.qq.com to the sandbox: the
 * signatures cover the method, path and query, never the host.
 */
@RestController
class WechatApiController {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a call produced: the status and the JSON object, or none (204). */
    private record Answer(HttpStatus status, Object json) {
        static Answer ok(Object json) {
            return new Answer(HttpStatus.OK, json);
        }
    }

    private final WechatKeys keys;
    private final WechatPay pay;
    private final FaultInjector faults;
    private final Duration latency;

    WechatApiController(WechatKeys keys, WechatPay pay, FaultInjector faults, SandboxProperties properties) {
        this.keys = keys;
        this.pay = pay;
        this.faults = faults;
        this.latency = Optional.ofNullable(properties.wechat().latency()).orElse(Duration.ZERO);
    }

    @PostMapping("/v3/pay/transactions/native")
    ResponseEntity<byte[]> prepay(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        return call(request, body, FaultRule.Operation.charge, json -> Answer.ok(pay.prepay(json)));
    }

    @GetMapping("/v3/pay/transactions/out-trade-no/{outTradeNo}")
    ResponseEntity<byte[]> query(HttpServletRequest request, @PathVariable String outTradeNo,
                                 @RequestParam(required = false) String mchid) {
        return call(request, null, FaultRule.Operation.query, json -> Answer.ok(pay.query(outTradeNo, mchid)));
    }

    @PostMapping("/v3/pay/transactions/out-trade-no/{outTradeNo}/close")
    ResponseEntity<byte[]> close(HttpServletRequest request, @PathVariable String outTradeNo,
                                 @RequestBody(required = false) byte[] body) {
        return call(request, body, null, json -> {
            pay.close(outTradeNo, json);
            return new Answer(HttpStatus.NO_CONTENT, null);
        });
    }

    @PostMapping("/v3/refund/domestic/refunds")
    ResponseEntity<byte[]> refund(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        return call(request, body, FaultRule.Operation.refund, json -> Answer.ok(pay.refund(json)));
    }

    @GetMapping("/v3/refund/domestic/refunds/{outRefundNo}")
    ResponseEntity<byte[]> refundQuery(HttpServletRequest request, @PathVariable String outRefundNo) {
        return call(request, null, FaultRule.Operation.refund, json -> Answer.ok(pay.refundQuery(outRefundNo)));
    }

    @GetMapping("/v3/bill/tradebill")
    ResponseEntity<byte[]> tradeBill(HttpServletRequest request, @RequestParam(name = "bill_date", required = false) String billDate,
                                     @RequestParam(name = "bill_type", required = false) String billType,
                                     @RequestParam(name = "tar_type", required = false) String tarType) {
        return call(request, null, null, json -> {
            if (billType != null && !"ALL".equals(billType)) {
                throw WechatError.paramError("the sandbox serves bill_type ALL only");
            }
            if (tarType != null) {
                throw WechatError.paramError("the sandbox serves uncompressed bills only (no tar_type)");
            }
            LocalDate day;
            try {
                day = LocalDate.parse(String.valueOf(billDate));
            } catch (DateTimeParseException e) {
                throw WechatError.paramError("bill_date 须为 yyyy-MM-dd");
            }
            return Answer.ok(pay.tradeBill(day, ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()));
        });
    }

    /** The bill's bytes, unsigned like WeChat's download (the SDK checks the hash instead); the request is still authenticated. */
    @GetMapping("/v3/billdownload/file")
    ResponseEntity<byte[]> billDownload(HttpServletRequest request, @RequestParam(required = false) String token) {
        FaultInjector.sleep(latency.toMillis());
        if (!keys.configured()) {
            return error(noKeys(), false);
        }
        try {
            keys.checkRequest(request.getHeader(HttpHeaders.AUTHORIZATION), request.getMethod(), canonicalUrl(request), "");
        } catch (WechatError e) {
            return error(e, true);
        }
        Optional<SandboxChannel.BillFile> file = pay.billDownload(token);
        if (file.isEmpty()) {
            return error(WechatError.resourceNotExists("账单下载链接无效"), true);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header("Request-ID", UUID.randomUUID().toString()).body(file.get().content());
    }

    private ResponseEntity<byte[]> call(HttpServletRequest request, byte[] rawBody, FaultRule.Operation operation,
                                        Function<JsonNode, Answer> apply) {
        FaultInjector.sleep(latency.toMillis());
        if (!keys.configured()) {
            return error(noKeys(), false);
        }
        String body = rawBody == null ? "" : new String(rawBody, StandardCharsets.UTF_8);
        try {
            keys.checkRequest(request.getHeader(HttpHeaders.AUTHORIZATION), request.getMethod(), canonicalUrl(request), body);
        } catch (WechatError e) {
            return error(e, true);
        }

        Optional<FaultRule> fault = operation == null ? Optional.empty() : faults.draw(WechatPay.CHANNEL, operation);
        FaultRule.Mode mode = fault.map(FaultRule::mode).orElse(null);
        if (mode == FaultRule.Mode.ERROR) {
            // with a code: a definite business refusal; without: WeChat's "system error, retry" — nothing applied either way
            WechatError refused = fault.get().refusalCode().map(WechatError::refusal)
                    .orElseGet(() -> WechatError.systemError("系统异常，请稍后重试"));
            return error(refused, true);
        }
        if (mode == FaultRule.Mode.NOT_FOUND && operation == FaultRule.Operation.query) {
            return error(WechatError.orderNotExist(), true);
        }
        if (mode == FaultRule.Mode.SLOW) {
            FaultInjector.sleep(FaultInjector.millis(fault.get()));
        }
        ResponseEntity<byte[]> answer;
        try {
            Answer result = apply.apply(parse(body));
            answer = signed(result.status(), result.json() == null ? "" : WechatNotifications.json(result.json()));
        } catch (WechatError e) {
            answer = error(e, true);
        }
        if (mode == FaultRule.Mode.TIMEOUT) {
            // applied, but the answer comes after the client gave up: the uncertain case
            FaultInjector.sleep(FaultInjector.millis(fault.get()));
        }
        return answer;
    }

    private static JsonNode parse(String body) {
        if (body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw WechatError.paramError("请求体须为 JSON 对象");
            }
            return node;
        } catch (IOException e) {
            throw WechatError.paramError("请求体不是合法的 JSON");
        }
    }

    /** The raw path and raw query exactly as the client signed them. */
    private static String canonicalUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    private static WechatError noKeys() {
        return WechatError.systemError("sandbox has no WeChat keys");
    }

    private ResponseEntity<byte[]> error(WechatError e, boolean sign) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", e.code);
        body.put("message", e.getMessage());
        String json = WechatNotifications.json(body);
        if (!sign) {
            return ResponseEntity.status(e.status).contentType(MediaType.APPLICATION_JSON)
                    .header("Request-ID", UUID.randomUUID().toString()).body(json.getBytes(StandardCharsets.UTF_8));
        }
        return signed(e.status, json);
    }

    /** Every answer, 204 included (the SDK verifies the signature of an empty body too). */
    private ResponseEntity<byte[]> signed(HttpStatus status, String body) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).header("Request-ID", UUID.randomUUID().toString());
        keys.signatureHeaders(body).forEach(answer::header);
        if (body.isEmpty()) {
            return answer.build();
        }
        return answer.contentType(MediaType.APPLICATION_JSON).body(body.getBytes(StandardCharsets.UTF_8));
    }
}
