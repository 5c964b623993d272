package io.paysuite.accounting.ledger;

import io.paysuite.api.ledger.PostingLine;
import java.util.List;

/**
 * A journal entry as asked for, checked by {@link EntryRules} and ready for the {@link Journal}.
 * {@code digest} fingerprints the command that asked for it (not the computed lines: a fee rate
 * changed between a first call and its repeat must not turn the repeat into a conflict).
 */
public record EntryDraft(
        String postingKey,
        String bizType,
        String bizNo,
        String currency,
        List<PostingLine> lines,
        String memo,
        String digest) {

    public EntryDraft {
        lines = List.copyOf(lines);
    }
}
