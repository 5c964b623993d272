package io.paysuite.accounting.crosscheck;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The trades waiting for a check (port; infra keeps them in {@code crosscheck_pending}). */
public interface PendingChecks {

    /**
     * Notes a trade (and a refund of it, or "") to check; a trade already waiting keeps its place, marked
     * as noted again so that a check already under way does not drop it ({@link #finished}).
     */
    void note(String tradeNo, String refundNo, Instant at);

    /**
     * Claims, in one step, up to {@code limit} checks noted (or last claimed) before {@code before},
     * oldest first: each moves to {@code now} and forgets that it was noted again, since the check about
     * to run reads everything that news said. Of several instances, each claimed check is one's alone;
     * it comes back after the settle delay if the claimant dies, fails to read, or keeps it for another look.
     */
    List<PendingCheck> claimDue(Instant before, Instant now, int limit);

    /** The claimed check disagreed at its first look: the next look (after the settle delay) believes it. */
    void lookAgain(PendingCheck check);

    /**
     * The checks are finished (agreed, or their disagreements raised): forgotten, except one noted again
     * since its claim — that one waits for another check, noted at {@code now}.
     */
    void finished(Collection<PendingCheck> checks, Instant now);

    /** Records that the trades were checked at {@code at}, so the sweep of recent entries passes them by. */
    void checked(Collection<String> tradeNos, Instant at);

    /**
     * Trades with a journal entry posted before {@code before} that this reader has not yet looked at
     * (from the start of its look-back window on) and that no check covered since that entry: what a
     * lost event would otherwise leave unchecked.
     */
    List<String> uncheckedTrades(Instant before, int limit);
}
