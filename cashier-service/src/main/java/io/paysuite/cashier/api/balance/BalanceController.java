package io.paysuite.cashier.api.balance;

import io.paysuite.api.settlement.MerchantBalanceDTO;
import io.paysuite.api.settlement.SettlementService;
import io.paysuite.cashier.api.auth.OpenApiGate;
import io.paysuite.cashier.api.error.Results;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/balance}: the merchant's money on the ledger, in minor units — {@code pending}
 * (paid, not yet settled), {@code available} (settled, not yet paid out; negative while refunds
 * after settlement are carried forward) and {@code held} (escrow of guarantee trades). Read from the
 * ledger's accounts at the moment of the call.
 */
@RestController
public class BalanceController {

    public record BalanceView(String currency, long pending, long available, long held) {
    }

    private final SettlementService settlements;

    public BalanceController(SettlementService settlements) {
        this.settlements = settlements;
    }

    @GetMapping(path = "/api/v1/balance", produces = MediaType.APPLICATION_JSON_VALUE)
    public BalanceView balance(@RequestAttribute(OpenApiGate.MERCHANT_ID) String merchantId,
                               @RequestParam(defaultValue = "CNY") String currency) {
        MerchantBalanceDTO balance = Results.unwrap(settlements.balance(merchantId, currency));
        return new BalanceView(balance.currency(), balance.pending(), balance.available(), balance.held());
    }
}
