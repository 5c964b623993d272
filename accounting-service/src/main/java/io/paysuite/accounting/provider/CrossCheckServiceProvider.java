package io.paysuite.accounting.provider;

import io.paysuite.api.ApiVersion;
import io.paysuite.accounting.crosscheck.InternalReconciliation;
import io.paysuite.api.common.Result;
import io.paysuite.api.crosscheck.CrossCheckFindingDTO;
import io.paysuite.api.crosscheck.CrossCheckService;
import io.paysuite.api.crosscheck.FindingQry;
import org.apache.dubbo.config.annotation.DubboService;

import java.util.List;

/** {@link CrossCheckService} over Dubbo: internal reconciliation's findings, read only. */
@DubboService(version = ApiVersion.DUBBO)
public class CrossCheckServiceProvider implements CrossCheckService {

    private final InternalReconciliation reconciliation;

    public CrossCheckServiceProvider(InternalReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public Result<List<CrossCheckFindingDTO>> findings(FindingQry qry) {
        return Result.ok(reconciliation.findings(qry));
    }
}
