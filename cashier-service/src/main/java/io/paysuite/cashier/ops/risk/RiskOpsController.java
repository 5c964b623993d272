package io.paysuite.cashier.ops.risk;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.risk.ReplaceRiskRulesCmd;
import io.paysuite.api.risk.RiskAction;
import io.paysuite.api.risk.RiskDecisionDTO;
import io.paysuite.api.risk.RiskDecisionQry;
import io.paysuite.api.risk.RiskRulesDTO;
import io.paysuite.api.risk.RiskService;
import io.paysuite.cashier.api.Times;
import io.paysuite.cashier.api.error.Results;
import io.paysuite.cashier.ops.audit.AuditNotes;
import io.paysuite.cashier.ops.rules.RulesInForce;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * pay-core's risk engine for operators ({@code /ops/api/v1/risk}, behind the ops bearer token), as
 * docs/api/API.md lists them:
 * <ul>
 *   <li>{@code GET /risk/rules}: the rule document in force (as JSON), where it is kept, when it was loaded, and
 *       the config center's version of it; {@code refused}: the document stored after it that pay-core refused
 *       (as stored, it may not even be JSON), why and when — {@code null} when none is waiting;</li>
 *   <li>{@code PUT /risk/rules?version=v}: the body is the new document; pay-core validates it (every rule usable)
 *       and writes it to the config center only if the document there is still at version {@code v} (the one read)
 *       — a compare-and-set in the config center itself, like the routing rules' editor — or answers
 *       {@code PARAM_ERROR} naming what is wrong, {@code RULES_VERSION_CONFLICT} (409) when someone else changed the
 *       document since (nothing written either way; the audit line keeps the document before and after);</li>
 *   <li>{@code GET /risk/decisions?buyer_id=&merchant_id=&trade_no=&action=&limit=}: newest first.</li>
 * </ul>
 */
@RestController
@RequestMapping(path = "/ops/api/v1/risk", produces = MediaType.APPLICATION_JSON_VALUE)
public class RiskOpsController {

    /** The document is shown as the JSON it is, not as a string holding JSON. */
    public record RulesView(@JsonRawValue String document, String path, String loadedAt, List<String> ruleIds,
                            String version, RulesInForce.RefusedView refused) {
    }

    public record DecisionView(long id, String tradeNo, String requestNo, String buyerId, String merchantId, String method,
                               long amount, String currency, String action, List<String> firedRules,
                               List<String> failedRules, String inputs, String decidedAt) {
    }

    public record DecisionsView(List<DecisionView> data) {
    }

    private final RiskService risk;
    private final Times times;

    public RiskOpsController(RiskService risk, Times times) {
        this.risk = risk;
        this.times = times;
    }

    @GetMapping("/rules")
    public RulesView rules() {
        return view(Results.unwrap(risk.rules()));
    }

    @PutMapping(path = "/rules", consumes = MediaType.ALL_VALUE)
    public RulesView replace(@RequestParam(required = false) String version, @RequestBody(required = false) byte[] body,
                             HttpServletRequest request) {
        if (body == null || body.length == 0) {
            throw new BizException(ErrorCode.PARAM_ERROR, "the body must be the risk rule document");
        }
        if (version == null || version.isBlank()) {
            throw new BizException(ErrorCode.PARAM_ERROR, "version (the one read) is required");
        }
        String document = new String(body, StandardCharsets.UTF_8);
        AuditNotes.before(request, Results.unwrap(risk.rules()).document());
        RulesView saved = view(Results.unwrap(risk.replaceRules(new ReplaceRiskRulesCmd(document, version, "ops-api"))));
        AuditNotes.after(request, document);
        return saved;
    }

    @GetMapping("/decisions")
    public DecisionsView decisions(@RequestParam(name = "buyer_id", required = false) String buyerId,
                                   @RequestParam(name = "merchant_id", required = false) String merchantId,
                                   @RequestParam(name = "trade_no", required = false) String tradeNo,
                                   @RequestParam(required = false) String action,
                                   @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > RiskDecisionQry.MAX_LIMIT) {
            throw new BizException(ErrorCode.PARAM_ERROR, "limit must be between 1 and " + RiskDecisionQry.MAX_LIMIT);
        }
        RiskAction wanted = null;
        if (action != null) {
            try {
                wanted = RiskAction.valueOf(action.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BizException(ErrorCode.PARAM_ERROR, "action must be ALLOW, REVIEW or BLOCK");
            }
        }
        List<RiskDecisionDTO> found = Results.unwrap(risk.recentDecisions(
                new RiskDecisionQry(limit, buyerId, merchantId, tradeNo, wanted)));
        return new DecisionsView(found.stream().map(this::view).toList());
    }

    private RulesView view(RiskRulesDTO rules) {
        RulesInForce.RefusedView refused = rules.refusedReason() == null ? null
                : new RulesInForce.RefusedView(rules.refusedDocument(), rules.refusedReason(), times.format(rules.refusedAt()));
        return new RulesView(rules.document(), rules.path(), rules.loadedAt() == null ? null : times.format(rules.loadedAt()),
                rules.ruleIds(), rules.version(), refused);
    }

    private DecisionView view(RiskDecisionDTO d) {
        return new DecisionView(d.id(), d.tradeNo(), d.requestNo(), d.buyerId(), d.merchantId(), d.method().name(),
                d.amountMinor(), d.currency(), d.action().name(), d.firedRules(), d.failedRules(), d.inputs(),
                d.decidedAt() == null ? null : times.format(d.decidedAt()));
    }
}
