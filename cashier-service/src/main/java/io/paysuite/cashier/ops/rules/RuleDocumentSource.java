package io.paysuite.cashier.ops.rules;

/**
 * Where a rule document lives in the config center: read it with its version, write it only over the version read
 * (compare-and-set, so two admins editing at once cannot lose one's change silently).
 */
public interface RuleDocumentSource {

    /** The document's text ({@code null} if the node does not exist) and its version ({@code -1} then). */
    record Versioned(String text, int version) {
    }

    Versioned read();

    /**
     * Writes {@code text} if the document is still at {@code expectedVersion} ({@code -1}: must not exist yet);
     * {@code RULES_VERSION_CONFLICT} otherwise. Answers the new version.
     */
    int write(String text, int expectedVersion);
}
