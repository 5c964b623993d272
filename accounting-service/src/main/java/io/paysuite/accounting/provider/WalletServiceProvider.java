package io.paysuite.accounting.provider;

import io.paysuite.accounting.wallet.WalletMovements;
import io.paysuite.accounting.wallet.WalletTransfers;
import io.paysuite.accounting.wallet.WalletWithdrawals;
import io.paysuite.api.ApiVersion;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.wallet.WalletMovementDTO;
import io.paysuite.api.wallet.WalletService;
import io.paysuite.api.wallet.WalletTransferCmd;
import io.paysuite.api.wallet.WalletTransferDTO;
import io.paysuite.api.wallet.WalletWithdrawCmd;
import io.paysuite.api.wallet.WalletWithdrawalDTO;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

/**
 * {@link WalletService} over Dubbo; what it throws is answered by the kit's {@code ErrorBoundaryFilter}.
 * {@code transfer} and {@code withdraw} answer only the kit's named callers ({@code GuardedCall}).
 * A {@code SYSTEM_ERROR} leaves the outcome unknown: the caller repeats with the same request number.
 */
@DubboService(version = ApiVersion.DUBBO, timeout = 10000)
public class WalletServiceProvider implements WalletService {

    private final WalletTransfers transfers;
    private final WalletWithdrawals withdrawals;
    private final WalletMovements movements;

    public WalletServiceProvider(WalletTransfers transfers, WalletWithdrawals withdrawals, WalletMovements movements) {
        this.transfers = transfers;
        this.withdrawals = withdrawals;
        this.movements = movements;
    }

    @Override
    public Result<WalletTransferDTO> transfer(WalletTransferCmd cmd) {
        return Result.ok(transfers.transfer(cmd));
    }

    @Override
    public Result<WalletWithdrawalDTO> withdraw(WalletWithdrawCmd cmd) {
        return Result.ok(withdrawals.withdraw(cmd));
    }

    @Override
    public Result<WalletWithdrawalDTO> withdrawal(String buyerId, String requestNo) {
        return Result.ok(withdrawals.get(buyerId, requestNo)
                .orElseThrow(() -> new BizException(ErrorCode.PAYOUT_NOT_FOUND, "no withdrawal " + requestNo)));
    }

    @Override
    public Result<List<WalletMovementDTO>> movements(String buyerId, int limit) {
        return Result.ok(movements.of(buyerId, limit));
    }
}
