package io.paysuite.sandbox.unionpay;

import io.paysuite.sandbox.FaultInjector;
import io.paysuite.sandbox.FaultRule;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
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
 * UnionPay's gateway URLs, once per acquirer: {@code /gateway/api/*.do} for the first, the same under
 * {@code /acquirer-b} for the second; the path picks the acquirer, which answers with its own merchant, keys and
 * transactions. Requests are URL-encoded forms; answers are the ACP SDK's wire form: {@code k=v&…} in UTF-8,
 * <b>not</b> URL-encoded (nested values such as {@code tokenPayData} in braces), signed with the platform key. Faults
 * (the acquirer's channel, {@code UNIONPAY} or {@code UNIONPAY_B}): {@code charge} = consume or pre-auth,
 * {@code refund} = refund, pre-auth completion or cancel,
 * {@code query} = queryTrans; TIMEOUT applies and then holds the answer, ERROR applies nothing and answers {@code 03}
 * (or the rule's {@code code}), SLOW delays, NOT_FOUND makes a query answer {@code 34}. Faults are drawn after the
 * signature check. {@code fileTransReq.do} (the reconciliation file) is never faulted.
 */
@RestController
class UnionPayGatewayController {

    private static final MediaType ANSWER = MediaType.parseMediaType("text/plain;charset=UTF-8");
    private static final String GATEWAY = "/gateway/api/";
    private static final String BACK_TRANS = GATEWAY + "backTransReq.do";
    private static final String QUERY_TRANS = GATEWAY + "queryTrans.do";
    private static final String FILE_TRANS = GATEWAY + "fileTransReq.do";

    private final List<UnionPayGateway> gateways;
    private final FaultInjector faults;

    UnionPayGatewayController(List<UnionPayGateway> gateways, FaultInjector faults) {
        this.gateways = gateways;
        this.faults = faults;
    }

    @PostMapping(path = {BACK_TRANS, UnionPayAcquirers.ACQUIRER_B_PATH + BACK_TRANS},
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> backTrans(HttpServletRequest http, @RequestParam Map<String, String> form) {
        UnionPayGateway gateway = gatewayFor(http);
        String txnType = form.getOrDefault("txnType", "");
        return switch (txnType) {
            case UnionPayGateway.CONSUME -> answer(gateway, form, FaultRule.Operation.charge, gateway::consume);
            case UnionPayGateway.REFUND -> answer(gateway, form, FaultRule.Operation.refund, gateway::refund);
            // a pre-auth is faulted as a charge, its completion and cancel as a refund (they act on an earlier transaction)
            case UnionPayGateway.PREAUTH -> answer(gateway, form, FaultRule.Operation.charge, gateway::preAuth);
            case UnionPayGateway.PREAUTH_COMPLETE -> answer(gateway, form, FaultRule.Operation.refund, gateway::preAuthComplete);
            case UnionPayGateway.PREAUTH_CANCEL -> answer(gateway, form, FaultRule.Operation.refund, gateway::preAuthCancel);
            default -> answer(gateway, form, null, request -> {
                gateway.checkCommon(request);
                throw new AcpRefusal("32", "无此交易权限[txnType " + txnType + "]");
            });
        };
    }

    @PostMapping(path = {QUERY_TRANS, UnionPayAcquirers.ACQUIRER_B_PATH + QUERY_TRANS},
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> queryTrans(HttpServletRequest http, @RequestParam Map<String, String> form) {
        UnionPayGateway gateway = gatewayFor(http);
        return answer(gateway, form, FaultRule.Operation.query, request -> {
            if (!UnionPayGateway.QUERY.equals(request.get("txnType"))) {
                gateway.checkCommon(request);
                throw new AcpRefusal("32", "无此交易权限[txnType " + request.get("txnType") + "]");
            }
            return gateway.query(request);
        });
    }

    /**
     * The merchant's reconciliation file of a settlement day ({@link UnionPayFileTransfer}). Real UnionPay serves this
     * transaction on its own host ({@code https://filedownload.95516.com/}); the sandbox serves it beside the others,
     * per acquirer. Never faulted.
     */
    @PostMapping(path = {FILE_TRANS, UnionPayAcquirers.ACQUIRER_B_PATH + FILE_TRANS},
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> fileTrans(HttpServletRequest http, @RequestParam Map<String, String> form) {
        UnionPayGateway gateway = gatewayFor(http);
        return answer(gateway, form, null,
                request -> UnionPayFileTransfer.answer(gateway, request, LocalDate.now(UnionPayGateway.SHANGHAI)));
    }

    /** The acquirer whose base path the request came under; only mapped paths get here, so one always matches. */
    private UnionPayGateway gatewayFor(HttpServletRequest http) {
        String path = http.getRequestURI().substring(http.getContextPath().length());
        return gateways.stream().filter(g -> path.startsWith(g.basePath() + GATEWAY)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no UnionPay acquirer serves " + path));
    }

    private ResponseEntity<String> answer(UnionPayGateway gateway, Map<String, String> form, FaultRule.Operation operation,
                                          Function<Map<String, String>, Map<String, String>> call) {
        UnionPayKeys keys = gateway.keys();
        if (!keys.configured()) {
            return ResponseEntity.internalServerError().contentType(ANSWER).body("sandbox has no UnionPay keys");
        }
        FaultInjector.sleep(keys.config().latency().toMillis());
        Optional<AcpRefusal> unsigned = signatureRefusal(keys, form);
        if (unsigned.isPresent()) {
            return ok(keys, gateway.refused(form, unsigned.get().respCode, unsigned.get().getMessage()));
        }
        Optional<FaultRule> fault = operation == null ? Optional.empty() : faults.draw(gateway.name(), operation);
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
        ResponseEntity<String> answer = ok(keys, fields);
        if (fault.isPresent() && fault.get().mode() == FaultRule.Mode.TIMEOUT) {
            FaultInjector.sleep(FaultInjector.millis(fault.get())); // applied, but the client gave up: the uncertain case
        }
        return answer;
    }

    /** Nothing is looked at, or faulted, before the request proves its sender: 13 without a signature, 11 with a bad one. */
    private static Optional<AcpRefusal> signatureRefusal(UnionPayKeys keys, Map<String, String> form) {
        if (form.get("signature") == null || form.get("signature").isBlank()) {
            return Optional.of(AcpRefusal.missing("signature"));
        }
        return keys.verifies(form) ? Optional.empty() : Optional.of(new AcpRefusal("11", "验证签名失败"));
    }

    private static ResponseEntity<String> ok(UnionPayKeys keys, Map<String, String> fields) {
        return ResponseEntity.ok().contentType(ANSWER).body(wire(keys.signed(fields)));
    }

    /** The ACP answer form: {@code k=v&…}, values raw. */
    static String wire(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }
}
