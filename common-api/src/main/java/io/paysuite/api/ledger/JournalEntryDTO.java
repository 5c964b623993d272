package io.paysuite.api.ledger;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A posted journal entry: its lines' debits equal their credits. */
public record JournalEntryDTO(
        String entryNo,
        String postingKey,
        String bizType,
        String bizNo,
        String currency,
        List<PostingLine> lines,
        Instant postedAt) implements Serializable {
}
