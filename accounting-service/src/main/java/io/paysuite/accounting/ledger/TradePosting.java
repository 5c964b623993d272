package io.paysuite.accounting.ledger;

import java.util.List;
import java.util.function.Function;

/**
 * A trade's posting whose lines depend on what the journal already holds for the trade (a release,
 * a refund, a refund reversal). The {@link Journal} hands {@link #compose} the trade's entries read
 * under the trade's lock; {@code digest} fingerprints the command, so a repeat is recognised before
 * anything is composed.
 */
public record TradePosting(String tradeNo, String postingKey, String digest, Function<TradeFunds, EntryDraft> rule) {

    /** The entry, from the trade's entries as they are now (this posting's own key left out). */
    public EntryDraft compose(List<Journal.Posted> tradeEntries) {
        return rule.apply(TradeFunds.of(tradeEntries, postingKey));
    }
}
