package io.paysuite.trade.provider;

import io.paysuite.api.ApiVersion;
import io.paysuite.api.common.Result;
import io.paysuite.api.trade.CaptureTradeCmd;
import io.paysuite.api.trade.PreAuthService;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.VoidTradeCmd;
import io.paysuite.trade.preauth.PreAuthorisations;
import org.apache.dubbo.config.annotation.DubboService;

/**
 * {@link PreAuthService} over Dubbo; what it throws is answered by the kit's {@code ErrorBoundaryFilter}.
 * Both methods move money: the kit's {@code GuardedCall} lets only the open API (cashier-service) call them.
 */
@DubboService(version = ApiVersion.DUBBO)
public class PreAuthServiceProvider implements PreAuthService {

    private final PreAuthorisations preAuthorisations;

    public PreAuthServiceProvider(PreAuthorisations preAuthorisations) {
        this.preAuthorisations = preAuthorisations;
    }

    @Override
    public Result<TradeDTO> capture(CaptureTradeCmd cmd) {
        return Result.ok(preAuthorisations.capture(cmd));
    }

    @Override
    public Result<TradeDTO> voidAuthorisation(VoidTradeCmd cmd) {
        return Result.ok(preAuthorisations.voidAuthorisation(cmd));
    }
}
