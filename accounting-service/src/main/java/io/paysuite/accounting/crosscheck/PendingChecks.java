package io.paysuite.accounting.crosscheck;

import java.time.Instant;
import java.util.List;

/** The trades waiting for a check (port; infra keeps them in {@code crosscheck_pending}). */
public interface PendingChecks {

    /**
     * Notes a trade (and a refund of it, or "") to check; a trade already waiting keeps its place, marked
     * as noted again so that a check already under way does not drop it ({@link #done}).
     */
    void note(String tradeNo, String refundNo, Instant at);

    /** Trades noted (or claimed) before {@code before}, oldest first; reads, never claims. */
    List<PendingCheck> notedBefore(Instant before, int limit);

    /**
     * Claims a check by compare-and-set on its {@code notedAt}, moving it to {@code now}: of several
     * instances that found it, one checks it; it comes back after the settle delay if the claimant dies,
     * fails to read, or keeps it for another look.
     */
    boolean claim(PendingCheck check, Instant now);

    /** The claimed check disagreed at its first look: the next look (after the settle delay) believes it. */
    void lookAgain(PendingCheck check);

    /**
     * The check is finished (agreed, or its disagreements raised): forgotten, unless it was noted again
     * meanwhile — then it waits for another check, noted at {@code now}.
     */
    void done(PendingCheck check, Instant now);

    /** Records that the trade was checked at {@code at}, so the sweep of recent entries passes it by. */
    void checked(String tradeNo, Instant at);

    /**
     * Trades with a journal entry posted before {@code before} that this reader has not yet looked at
     * (from the start of its look-back window on) and that no check covered since that entry: what a
     * lost event would otherwise leave unchecked.
     */
    List<String> uncheckedTrades(Instant before, int limit);
}
