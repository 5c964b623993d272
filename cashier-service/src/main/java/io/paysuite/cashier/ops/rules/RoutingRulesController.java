package io.paysuite.cashier.ops.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.cashier.api.Times;
import io.paysuite.cashier.ops.audit.AuditNotes;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * channel-gateway's routing rules and gray percentages for admins:
 * <ul>
 *   <li>{@code GET /ops/api/v1/rules/routing}: the document in force (not a refused one stored after it: the gateway
 *       keeps the last good rules, {@link GatewayRoutingRules}), the version an edit names, and — while one is
 *       waiting for a fix — the refused document with the reason ({@code refused});</li>
 *   <li>{@code POST /ops/api/v1/rules/routing/preview} {@code {"rules": [...]}}: its problems and its change field by
 *       field against the one in force, nothing saved;</li>
 *   <li>{@code PUT /ops/api/v1/rules/routing} {@code {"rules": [...], "version": n}}: saves it if valid and still over
 *       version {@code n} (the audit line keeps the document before and after); {@code RULES_VERSION_CONFLICT} (409) when
 *       the document changed since it was read — a compare-and-set in the config center itself, not a check before
 *       the write.</li>
 * </ul>
 * The version is the config center's own token (a string: ZooKeeper's node version, Nacos's MD5 of the content;
 * {@code absent} when there is no document).
 * channel-gateway applies a saved document within moments (it watches the node).
 */
@RestController
@RequestMapping(path = "/ops/api/v1/rules/routing", produces = MediaType.APPLICATION_JSON_VALUE)
public class RoutingRulesController {

    /** {@code refused}: null unless a refused document is stored after the one in force. */
    public record RulesView(String version, JsonNode rules, RulesInForce.RefusedView refused) {
    }

    public record PreviewView(boolean valid, List<String> problems, List<RoutingRuleDocument.Change> changes, String version) {
    }

    private final RuleDocumentSource source;
    private final GatewayRoutingRules inForce;
    private final ObjectMapper json;
    private final Times times;

    public RoutingRulesController(RuleDocumentSource source, GatewayRoutingRules inForce, ObjectMapper json, Times times) {
        this.source = source;
        this.inForce = inForce;
        this.json = json;
        this.times = times;
    }

    @GetMapping
    public RulesView get() {
        RulesInForce rules = RulesInForce.of(inForce.state(), source.read());
        return new RulesView(rules.version(), document(rules.text()).rules(), rules.refusedView(times));
    }

    @PostMapping("/preview")
    public PreviewView preview(@RequestBody JsonNode body) {
        RulesInForce rules = RulesInForce.of(inForce.state(), source.read());
        RoutingRuleDocument next = proposed(body);
        List<String> problems = next.problems();
        return new PreviewView(problems.isEmpty(), problems, document(rules.text()).changesTo(next), rules.version());
    }

    @PutMapping
    public RulesView save(@RequestBody JsonNode body, HttpServletRequest request) {
        if (!body.path("version").isValueNode() || body.get("version").asText().isBlank()) {
            throw new BizException(ErrorCode.PARAM_ERROR, "version (the one read) is required");
        }
        RoutingRuleDocument next = proposed(body);
        List<String> problems = next.problems();
        if (!problems.isEmpty()) {
            throw new BizException(ErrorCode.PARAM_ERROR, String.join("; ", problems));
        }
        RuleDocumentSource.Versioned current = source.read();
        AuditNotes.before(request, current.text());
        String version;
        try {
            version = source.write(json.writeValueAsString(next.rules()), body.get("version").asText());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BizException(ErrorCode.PARAM_ERROR, "rules cannot be written: " + e.getOriginalMessage());
        }
        RuleDocumentSource.Versioned saved = source.read();
        AuditNotes.after(request, saved.text());
        // what was saved passed the console's check, stricter than the gateway's: it is what comes in force
        return new RulesView(version, document(saved.text()).rules(), null);
    }

    private RoutingRuleDocument document(String text) {
        try {
            return RoutingRuleDocument.read(text, json);
        } catch (IllegalArgumentException unreadable) {
            // cannot happen for a document in force (it was read as a JSON array); an edit replaces it anyway
            return RoutingRuleDocument.empty(json);
        }
    }

    private static RoutingRuleDocument proposed(JsonNode body) {
        try {
            return RoutingRuleDocument.of(body == null ? null : body.get("rules"));
        } catch (IllegalArgumentException e) {
            throw new BizException(ErrorCode.PARAM_ERROR, e.getMessage());
        }
    }
}
