package io.paysuite.cashier.ops.rules;

import io.paysuite.cashier.api.Times;
import io.paysuite.kit.config.RuleSource;
import java.util.Objects;

/**
 * What the ops API shows of a rule document: the one in force — a document that was refused is stored but not in
 * force, the last good one is — the version an edit of it must name, and the refused document with the reason, while
 * one is waiting for a fix, so that the operator sees both what applies and why the latest document does not.
 *
 * <p>The version is the config center's version of the stored document once this service has judged it (it is the
 * one in force, or the refused one: an edit of the rules in force then replaces it). For a moment after a change the
 * config center may hold a document not heard of yet: the editor then gets {@link #NOT_APPLIED_YET}, a token no config
 * center hands out, so its save is refused as changed by someone else instead of overwriting a document it never saw.
 *
 * @param text    the document in force; {@code null}: the defaults
 * @param version what a save over these rules must name
 * @param refused the refused document after it, or {@code null}
 */
public record RulesInForce(String text, String version, RuleSource.Refused refused) {

    /** The version of rules in force the config center has already moved past (see the class doc). */
    public static final String NOT_APPLIED_YET = "not-applied-yet";

    public static RulesInForce of(RuleSource.State state, RuleDocumentSource.Versioned stored) {
        boolean judged = Objects.equals(stored.text(), state.inForce())
                || state.refused() != null && Objects.equals(stored.text(), state.refused().text());
        return new RulesInForce(state.inForce(), judged ? stored.version() : NOT_APPLIED_YET, state.refused());
    }

    /** The refused document as the ops API shows it, or {@code null} when none is waiting. */
    public RefusedView refusedView(Times times) {
        return refused == null ? null : new RefusedView(refused.text(), refused.reason(), times.format(refused.at()));
    }

    /**
     * The refused document as the ops API shows it.
     *
     * @param document the text as stored (it may not even be JSON)
     * @param reason   the first problem found
     * @param refusedAt when this service refused it
     */
    public record RefusedView(String document, String reason, String refusedAt) {
    }
}
