package io.paysuite.api.crosscheck;

import io.paysuite.api.ReadOnly;
import io.paysuite.api.common.Result;

import java.util.List;

/**
 * Internal reconciliation's findings (provider: accounting-service): where a trade, its pay orders,
 * channel orders, refunds and journal entries disagree. Read only.
 */
public interface CrossCheckService {

    @ReadOnly
    Result<List<CrossCheckFindingDTO>> findings(FindingQry qry);
}
