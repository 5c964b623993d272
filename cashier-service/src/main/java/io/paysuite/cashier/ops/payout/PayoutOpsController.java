package io.paysuite.cashier.ops.payout;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.payout.PayoutDTO;
import io.paysuite.api.payout.PayoutQry;
import io.paysuite.api.payout.PayoutService;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.cashier.api.Times;
import io.paysuite.cashier.api.error.Results;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payouts for operators ({@code /ops/api/v1}, behind the ops bearer token):
 * {@code GET /payouts?status=PROCESSING|SUCCESS|FAILED&owner_id=…&limit=…}, newest first, as
 * channel-gateway holds them; {@code GET /payouts?number=…} finds one by our payout number or the channel's. The bank account is masked by channel-gateway and never reaches here
 * in full.
 */
@RestController
@RequestMapping(path = "/ops/api/v1/payouts", produces = MediaType.APPLICATION_JSON_VALUE)
public class PayoutOpsController {

    private static final int MAX_LIMIT = 500;

    public record AmountView(long total, String currency) {
    }

    public record PayoutView(String payoutNo, String purpose, String ownerId, AmountView amount, String bankAccount, String status,
                             String channelPayoutNo, String failureCode, String createdAt, String finishedAt) {
    }

    public record ListView(List<PayoutView> data) {
    }

    private final PayoutService payouts;
    private final Times times;

    public PayoutOpsController(PayoutService payouts, Times times) {
        this.payouts = payouts;
        this.times = times;
    }

    @GetMapping
    public ListView list(@RequestParam(required = false) String status, @RequestParam(name = "owner_id", required = false) String ownerId,
                         @RequestParam(required = false) String number, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BizException(ErrorCode.PARAM_ERROR, "limit must be between 1 and " + MAX_LIMIT);
        }
        if (number != null && !number.isBlank()) {
            return new ListView(byNumber(number.trim()).stream().map(this::view).toList());
        }
        PayoutQry qry = new PayoutQry(status(status), ownerId == null || ownerId.isBlank() ? null : ownerId.trim(), limit);
        return new ListView(Results.unwrap(payouts.list(qry)).stream().map(this::view).toList());
    }

    /**
     * Our payout number through channel-gateway's own lookup; the channel's payout number among the newest
     * {@value #MAX_LIMIT} payouts (channel-gateway has no lookup by it), which is where an operator's question about a
     * payout usually is. Nothing found is an empty list, as a search.
     */
    private List<PayoutDTO> byNumber(String number) {
        Result<PayoutDTO> ours = payouts.get(number);
        if (ours.success()) {
            return List.of(ours.data());
        }
        if (!ErrorCode.PAYOUT_NOT_FOUND.name().equals(ours.code())) {
            Results.unwrap(ours);
        }
        return Results.unwrap(payouts.list(new PayoutQry(null, null, MAX_LIMIT))).stream()
                .filter(p -> number.equals(p.channelPayoutNo())).toList();
    }

    private PayoutView view(PayoutDTO p) {
        return new PayoutView(p.payoutNo(), p.purpose().name(), p.ownerId(), new AmountView(p.amount().minor(), p.amount().currency()),
                p.bankAccount(), p.status().name(), p.channelPayoutNo(), p.failureCode(), times.format(p.createdAt()),
                times.format(p.finishedAt()));
    }

    private static PayoutStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return PayoutStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BizException(ErrorCode.PARAM_ERROR, "status must be one of PROCESSING, SUCCESS, FAILED");
        }
    }
}
