package io.paysuite.accounting.provider;

import io.paysuite.accounting.sharing.ProfitSharing;
import io.paysuite.api.ApiVersion;
import io.paysuite.api.common.Result;
import io.paysuite.api.sharing.CreateSharingOrderCmd;
import io.paysuite.api.sharing.ProfitSharingService;
import io.paysuite.api.sharing.SharingOrderDTO;
import io.paysuite.api.sharing.SharingOrderQry;
import io.paysuite.api.sharing.SharingReturnCmd;
import io.paysuite.api.sharing.SharingReturnDTO;
import io.paysuite.api.sharing.UnfreezeCmd;
import org.apache.dubbo.config.annotation.DubboService;

/**
 * {@link ProfitSharingService} over Dubbo; what it throws is answered by the kit's {@code ErrorBoundaryFilter}.
 * The money-moving methods answer only the open API (kit {@code access}: {@code GuardedCall.DEFAULTS}).
 */
@DubboService(version = ApiVersion.DUBBO, timeout = 10000, retries = 0)
public class ProfitSharingServiceProvider implements ProfitSharingService {

    private final ProfitSharing sharing;

    public ProfitSharingServiceProvider(ProfitSharing sharing) {
        this.sharing = sharing;
    }

    @Override
    public Result<SharingOrderDTO> share(CreateSharingOrderCmd cmd) {
        return sharing.share(cmd);
    }

    @Override
    public Result<SharingOrderDTO> get(SharingOrderQry qry) {
        return Result.ok(sharing.get(qry));
    }

    @Override
    public Result<SharingReturnDTO> giveBack(SharingReturnCmd cmd) {
        return sharing.giveBack(cmd);
    }

    @Override
    public Result<SharingOrderDTO> unfreeze(UnfreezeCmd cmd) {
        return sharing.unfreeze(cmd);
    }
}
