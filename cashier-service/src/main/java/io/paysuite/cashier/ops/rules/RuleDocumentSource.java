package io.paysuite.cashier.ops.rules;

/**
 * Where a rule document lives in the config center: read it with its version, write it only over the version read
 * (compare-and-set, so two admins editing at once cannot lose one's change silently).
 */
public interface RuleDocumentSource {

    /**
     * The document's text ({@code null} if there is none) and the config center's version of it (an opaque token;
     * {@code ConfigCenter.Versioned.ABSENT} when there is no document).
     */
    record Versioned(String text, String version) {
    }

    Versioned read();

    /**
     * Writes {@code text} if the document is still at {@code expectedVersion} ({@code absent}: must not exist yet);
     * {@code RULES_VERSION_CONFLICT} otherwise. Answers the new version.
     */
    String write(String text, String expectedVersion);
}
