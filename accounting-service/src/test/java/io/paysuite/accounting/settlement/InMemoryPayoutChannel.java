package io.paysuite.accounting.settlement;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.SettlementAccountDTO;
import io.paysuite.api.payout.PayoutCmd;
import io.paysuite.api.payout.PayoutDTO;
import io.paysuite.api.payout.PayoutQry;
import io.paysuite.api.payout.PayoutService;
import io.paysuite.api.payout.PayoutStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * channel-gateway's {@code PayoutService} as settlement sees it: one payout per number (a repeat answers the payout
 * as it stands, as the gateway does), answered at once; a card ending {@code 0000} is refused ({@code FAILED}, as the
 * sandbox's Alipay transfer answers {@code PAYEE_CARD_INFO_ERROR}), any other is paid.
 */
final class InMemoryPayoutChannel implements PayoutService {

    private final Map<String, PayoutDTO> payouts = new LinkedHashMap<>();
    private final List<PayoutCmd> calls = new ArrayList<>();
    private final Instant at;

    InMemoryPayoutChannel(Instant at) {
        this.at = at;
    }

    @Override
    public synchronized Result<PayoutDTO> payout(PayoutCmd cmd) {
        calls.add(cmd);
        return Result.ok(payouts.computeIfAbsent(cmd.payoutNo(), no -> {
            PayoutStatus status = cmd.bankAccountNo().endsWith("0000") ? PayoutStatus.FAILED : PayoutStatus.SUCCESS;
            return new PayoutDTO(no, cmd.purpose(), cmd.ownerId(), cmd.amount(), SettlementAccountDTO.mask(cmd.bankAccountNo()),
                    status, "CH-" + no, status == PayoutStatus.FAILED ? "PAYEE_CARD_INFO_ERROR" : null, at, at);
        }));
    }

    @Override
    public synchronized Result<PayoutDTO> get(String payoutNo) {
        PayoutDTO payout = payouts.get(payoutNo);
        return payout != null ? Result.ok(payout) : Result.fail(ErrorCode.PAYOUT_NOT_FOUND, "no payout " + payoutNo);
    }

    @Override
    public Result<List<PayoutDTO>> list(PayoutQry qry) {
        throw new UnsupportedOperationException("settlement never lists payouts");
    }

    /** The payouts the channel holds: one per number, however often it was asked. */
    synchronized List<PayoutDTO> payouts() {
        return List.copyOf(payouts.values());
    }

    /** Every call of {@code payout}, repeats included. */
    synchronized List<PayoutCmd> calls() {
        return List.copyOf(calls);
    }
}
