package io.paysuite.accounting.crosscheck;

import io.paysuite.api.crosscheck.CrossCheckFindingDTO;
import io.paysuite.api.crosscheck.FindingStatus;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The stored findings (port; infra keeps them in {@code crosscheck_finding}). */
public interface CrossCheckFindings {

    /** The OPEN findings of these trades, in one read (a trade without any is absent). */
    Map<String, List<CrossCheckFindingDTO>> open(Collection<String> tradeNos);

    /**
     * Opens the finding (unique per trade, kind and subject), or updates what the sides say and when it
     * was last checked if it is open already; a CLEARED one opens again. Answers whether it was newly opened.
     */
    boolean raise(Disagreement disagreement, Instant now);

    /** Clears the OPEN finding: a later check agreed. Answers whether it was open. */
    boolean clear(CrossCheckFindingDTO finding, Instant now);

    /** Trades with an OPEN finding last checked before {@code before}, to check again. */
    List<String> openCheckedBefore(Instant before, int limit);

    long openCount();

    List<CrossCheckFindingDTO> list(FindingStatus status, int limit);
}
