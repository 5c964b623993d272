package io.paysuite.api.ledger;

import java.io.Serializable;
import java.util.List;

/**
 * A general journal entry (funding a wallet, an operator's adjustment). Idempotent on
 * {@code postingKey}: a repeat with the same content answers the first entry; the same key with
 * other content answers {@code POSTING_KEY_USED}. Debits must equal credits
 * ({@code POSTING_UNBALANCED}), every line positive and in {@code currency} ({@code PARAM_ERROR}).
 */
public record PostingCmd(
        String postingKey,
        String bizType,
        String bizNo,
        String currency,
        List<PostingLine> lines,
        String memo) implements Serializable {
}
