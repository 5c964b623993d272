package io.paysuite.pay.risk;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the rule document for operators: it must parse and every rule must be usable (stricter than
 * loading, which keeps a document's good rules when one is broken), then it goes to the config center —
 * only over the version the operator read, as a compare-and-set in the config center itself, so that two
 * operators editing at once cannot silently lose one's change ({@code RULES_VERSION_CONFLICT}: read again).
 *
 * <p>The version an editor gets ({@link #editable()}) is the config center's version of the very document it is
 * shown, the one in force. For a moment after a change the config center may already hold a newer document this
 * instance has not loaded yet: the editor is then given {@link #NOT_APPLIED_YET}, a token no config center hands out,
 * so its save is refused as changed by someone else instead of overwriting a document it never saw. A stored
 * document that was refused (it does not parse) gets its real version: an edit of the rules in force replaces it.
 */
public class RiskRulePublisher {

    /** The version of a document in force that the config center has already moved past (see the class doc). */
    public static final String NOT_APPLIED_YET = "not-applied-yet";

    private static final Logger log = LoggerFactory.getLogger(RiskRulePublisher.class);

    /** The rules in force and the version an edit of them must name. */
    public record Editable(RiskRules rules, String version) {
    }

    /** A document written, as parsed, and the config center's version of it now. */
    public record Published(RiskRules rules, String version) {
    }

    private final RiskRuleSource source;
    private final Clock clock;

    public RiskRulePublisher(RiskRuleSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    public Editable editable() {
        RiskRules inForce = source.current();
        RiskRuleSource.Stored stored = source.stored();
        if (Objects.equals(stored.text(), inForce.document()) || !loadable(stored.text())) {
            return new Editable(inForce, stored.version());
        }
        return new Editable(inForce, NOT_APPLIED_YET);
    }

    public Published publish(String document, String expectedVersion, String operator) {
        if (expectedVersion == null || expectedVersion.isBlank()) {
            throw new BizException(ErrorCode.PARAM_ERROR, "version (the one read) is required");
        }
        RiskRules parsed;
        try {
            parsed = RiskRules.parse(document, clock.instant());
        } catch (RiskRules.Invalid invalid) {
            throw new BizException(ErrorCode.PARAM_ERROR, "risk rules refused: " + invalid.getMessage());
        }
        if (parsed.document() == null) {
            throw new BizException(ErrorCode.PARAM_ERROR, "risk rules refused: the document is empty");
        }
        if (!parsed.problems().isEmpty()) {
            throw new BizException(ErrorCode.PARAM_ERROR, "risk rules refused: " + String.join("; ", parsed.problems()));
        }
        String version = source.publishIfUnchanged(document, expectedVersion).orElseThrow(() -> new BizException(
                ErrorCode.RULES_VERSION_CONFLICT, "the risk rules at " + source.path()
                + " were changed by someone else since they were read: reload"));
        log.info("risk rules version {} ({} rules) published to {} at config version {} by {}", parsed.version(),
                parsed.rules().size(), source.path(), version, operator);
        return new Published(parsed, version);
    }

    private boolean loadable(String text) {
        try {
            RiskRules.parse(text, clock.instant());
            return true;
        } catch (RiskRules.Invalid refused) {
            return false;
        }
    }
}
