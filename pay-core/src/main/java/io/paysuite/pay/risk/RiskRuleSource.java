package io.paysuite.pay.risk;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the risk rule document comes from (the config center). An implementation keeps the last good
 * document: one that is refused ({@link RiskRules.Invalid}) is logged and changes nothing.
 */
public interface RiskRuleSource {

    /**
     * The document as the config center holds it right now, and the config center's version of it (an opaque token;
     * {@code absent} when there is none). It can differ for a moment from {@link #current()}: a change not yet heard
     * of here, or a document refused.
     */
    record Stored(String text, String version) {
    }

    /**
     * A document refused after the one in force: its text, why, and when.
     */
    record Refused(String text, String reason, java.time.Instant at) {
    }

    /** The document refused since the one in force was loaded, or {@code null} (none, or a good one came since). */
    default Refused refused() {
        return null;
    }

    /** The rules in force; {@link RiskRules#NONE} before any document. */
    RiskRules current();

    /** Called with every newly accepted document. */
    void onChange(Consumer<RiskRules> listener);

    /** Where the document is kept (for operators). */
    String path();

    /** The document in the config center now, with its version. */
    Stored stored();

    /**
     * Writes a document (already validated) to the config center only if the stored one is still at
     * {@code expectedVersion} (the config center's own compare-and-set); every instance then loads it. Answers the
     * version now stored, or empty when the document changed since (nothing written).
     */
    Optional<String> publishIfUnchanged(String document, String expectedVersion);
}
