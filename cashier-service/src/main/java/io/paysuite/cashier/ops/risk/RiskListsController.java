package io.paysuite.cashier.ops.risk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.risk.ReplaceRiskRulesCmd;
import io.paysuite.api.risk.RiskRulesDTO;
import io.paysuite.api.risk.RiskService;
import io.paysuite.cashier.api.JsonBody;
import io.paysuite.cashier.api.error.Results;
import io.paysuite.cashier.ops.audit.AuditNotes;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The risk engine's lists for operators ({@code /ops/api/v1/risk/lists}; a change is ADMIN's, like the rules):
 * <ul>
 *   <li>{@code GET /risk/lists} → {@code {"version", "lists": [{"rule_id", "action", "enabled", "name", "entries"}]}}:
 *       every list of every {@code BLACKLIST} rule in the document in force ({@link RiskLists} says which fields are
 *       lists), and the config center's version of that document;</li>
 *   <li>{@code PUT /risk/lists/{rule_id}/{name}} {@code {"entries": [...], "version"}}: that list becomes
 *       {@code entries} in the rule document, saved through pay-core exactly as {@code PUT /risk/rules} saves it — a
 *       compare-and-set over the version read, so {@code RULES_VERSION_CONFLICT} (409) when the document changed since
 *       (also when only a rule changed: the edit was made on a document that is no longer there), {@code PARAM_ERROR}
 *       for no such rule, a name that is no list, or what pay-core refuses (an unknown list name). The audit line
 *       keeps the list before and after.</li>
 * </ul>
 */
@RestController
@RequestMapping(path = "/ops/api/v1/risk/lists", produces = MediaType.APPLICATION_JSON_VALUE)
public class RiskListsController {

    public record ListView(String ruleId, String action, boolean enabled, String name, List<String> entries) {

        static ListView of(RiskLists.RiskList list) {
            return new ListView(list.ruleId(), list.action(), list.enabled(), list.name(), list.entries());
        }
    }

    public record ListsView(String version, List<ListView> lists) {
    }

    /** What the audit line keeps of an edited list. */
    public record ListNote(String ruleId, String name, List<String> entries) {
    }

    private final RiskService risk;
    private final ObjectMapper json;

    public RiskListsController(RiskService risk, ObjectMapper json) {
        this.risk = risk;
        this.json = json;
    }

    @GetMapping
    public ListsView lists() {
        return view(Results.unwrap(risk.rules()));
    }

    @PutMapping("/{ruleId}/{name}")
    public ListsView replace(@PathVariable String ruleId, @PathVariable String name, @RequestBody(required = false) byte[] raw,
                             HttpServletRequest request) {
        JsonBody body = JsonBody.parse(raw);
        String version = body.text("version");
        List<String> entries = body.optionalTexts("entries");
        if (entries == null) {
            throw body.invalid("entries", "is required (an empty list empties it)");
        }
        RiskRulesDTO current = Results.unwrap(risk.rules());
        if (!version.equals(current.version())) {
            // the edit was made on another document than the one in force: saving it would undo what came since
            throw new BizException(ErrorCode.RULES_VERSION_CONFLICT,
                    "the risk rule document is at version " + current.version() + ", not " + version + ": read it again");
        }
        String next;
        try {
            next = RiskLists.withEntries(current.document(), ruleId, name, entries, json);
        } catch (IllegalArgumentException refused) {
            throw new BizException(ErrorCode.PARAM_ERROR, refused.getMessage());
        }
        AuditNotes.before(request, new ListNote(ruleId, name, entriesOf(current.document(), ruleId, name)));
        ListsView saved = view(Results.unwrap(risk.replaceRules(new ReplaceRiskRulesCmd(next, version, "ops-api"))));
        AuditNotes.after(request, new ListNote(ruleId, name, entriesOf(next, ruleId, name)));
        return saved;
    }

    private List<String> entriesOf(String document, String ruleId, String name) {
        return RiskLists.of(document, json).stream().filter(l -> l.ruleId().equals(ruleId) && l.name().equals(name))
                .findFirst().map(RiskLists.RiskList::entries).orElse(List.of());
    }

    private ListsView view(RiskRulesDTO rules) {
        List<ListView> lists;
        try {
            lists = RiskLists.of(rules.document(), json).stream().map(ListView::of).toList();
        } catch (IllegalArgumentException unreadable) {
            // cannot happen for a document in force (pay-core read it as JSON): show no lists rather than fail the page
            lists = List.of();
        }
        return new ListsView(rules.version(), lists);
    }
}
