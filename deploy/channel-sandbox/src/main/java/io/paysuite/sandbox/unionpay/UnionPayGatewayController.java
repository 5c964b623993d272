package io.paysuite.sandbox.unionpay;

import io.paysuite.sandbox.FaultInjector;
import io.paysuite.sandbox.FaultRule;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * UnionPay's gateway URLs. Requests are URL-encoded forms; answers are the ACP SDK's wire form: {@code k=v&…} in UTF-8,
 * <b>not</b> URL-encoded (nested values such as {@code tokenPayData} in braces), signed with the platform key. Faults
 * (channel {@code UNIONPAY}): {@code charge} = consume, {@code refund} = refund, {@code query} = queryTrans; TIMEOUT applies
 * and then holds the answer, ERROR applies nothing and answers {@code 03} (or the rule's {@code code}), SLOW delays,
 * NOT_FOUND makes a query answer {@code 34}. Faults are drawn after the signature check.
 */
@RestController
class UnionPayGatewayController {

    private static final MediaType ANSWER = MediaType.parseMediaType("text/plain;charset=UTF-8");

    private final UnionPayGateway gateway;
    private final UnionPayKeys keys;
    private final FaultInjector faults;

    UnionPayGatewayController(UnionPayGateway gateway, UnionPayKeys keys, FaultInjector faults) {
        this.gateway = gateway;
        this.keys = keys;
        this.faults = faults;
    }

    @PostMapping(path = "/gateway/api/backTransReq.do", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> backTrans(@RequestParam Map<String, String> form) {
        String txnType = form.getOrDefault("txnType", "");
        return switch (txnType) {
            case UnionPayGateway.CONSUME -> answer(form, FaultRule.Operation.charge, gateway::consume);
            case UnionPayGateway.REFUND -> answer(form, FaultRule.Operation.refund, gateway::refund);
            default -> answer(form, null, request -> {
                gateway.checkCommon(request);
                throw new AcpRefusal("32", "无此交易权限[txnType " + txnType + "]");
            });
        };
    }

    @PostMapping(path = "/gateway/api/queryTrans.do", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> queryTrans(@RequestParam Map<String, String> form) {
        return answer(form, FaultRule.Operation.query, request -> {
            if (!UnionPayGateway.QUERY.equals(request.get("txnType"))) {
                gateway.checkCommon(request);
                throw new AcpRefusal("32", "无此交易权限[txnType " + request.get("txnType") + "]");
            }
            return gateway.query(request);
        });
    }

    private ResponseEntity<String> answer(Map<String, String> form, FaultRule.Operation operation,
                                          Function<Map<String, String>, Map<String, String>> call) {
        if (!keys.configured()) {
            return ResponseEntity.internalServerError().contentType(ANSWER).body("sandbox has no UnionPay keys");
        }
        FaultInjector.sleep(keys.config().latency().toMillis());
        Optional<AcpRefusal> unsigned = signatureRefusal(form);
        if (unsigned.isPresent()) {
            return ok(gateway.refused(form, unsigned.get().respCode, unsigned.get().getMessage()));
        }
        Optional<FaultRule> fault = operation == null ? Optional.empty() : faults.draw(UnionPayGateway.CHANNEL, operation);
        if (fault.isPresent() && fault.get().mode() == FaultRule.Mode.SLOW) {
            FaultInjector.sleep(FaultInjector.millis(fault.get()));
        }
        Map<String, String> fields;
        if (fault.isPresent() && fault.get().mode() == FaultRule.Mode.ERROR) {
            fields = fault.get().refusalCode()
                    .map(code -> gateway.refused(form, code, "sandbox fault: " + code))
                    .orElseGet(() -> gateway.refused(form, "03", "交易通讯超时，请发起查询"));
        } else if (fault.isPresent() && fault.get().mode() == FaultRule.Mode.NOT_FOUND && operation == FaultRule.Operation.query) {
            fields = gateway.refused(form, "34", "查无此交易");
        } else {
            try {
                fields = call.apply(form);
            } catch (AcpRefusal refusal) {
                fields = gateway.refused(form, refusal.respCode, refusal.getMessage());
            }
        }
        ResponseEntity<String> answer = ok(fields);
        if (fault.isPresent() && fault.get().mode() == FaultRule.Mode.TIMEOUT) {
            FaultInjector.sleep(FaultInjector.millis(fault.get())); // applied, but the client gave up: the uncertain case
        }
        return answer;
    }

    /** Nothing is looked at, or faulted, before the request proves its sender: 13 without a signature, 11 with a bad one. */
    private Optional<AcpRefusal> signatureRefusal(Map<String, String> form) {
        if (form.get("signature") == null || form.get("signature").isBlank()) {
            return Optional.of(AcpRefusal.missing("signature"));
        }
        return keys.verifies(form) ? Optional.empty() : Optional.of(new AcpRefusal("11", "验证签名失败"));
    }

    private ResponseEntity<String> ok(Map<String, String> fields) {
        return ResponseEntity.ok().contentType(ANSWER).body(wire(keys.signed(fields)));
    }

    /** The ACP answer form: {@code k=v&…}, values raw. */
    static String wire(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }
}
