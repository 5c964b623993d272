package io.paysuite.cashier.ops.settlement;

import io.paysuite.api.member.MerchantService;
import io.paysuite.api.member.SettlementTermsCmd;
import io.paysuite.api.member.SettlementTermsDTO;
import io.paysuite.cashier.api.JsonBody;
import io.paysuite.cashier.api.error.Results;
import io.paysuite.cashier.ops.audit.AuditNotes;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A merchant's settlement terms for operators: {@code GET} and {@code PUT
 * /ops/api/v1/merchants/{merchant_id}/settlement-terms} {@code {"cycle_days", "account_no",
 * "account_name", "bank_name", "notify_url", "operator"}}. Answers always mask the account (last four
 * digits); the full number only ever reaches the payout — and the audit line's before and after are those masked
 * views too, never the number the request carried.
 */
@RestController
@RequestMapping(path = "/ops/api/v1/merchants/{merchantId}/settlement-terms", produces = MediaType.APPLICATION_JSON_VALUE)
public class OpsSettlementTermsController {

    private static final Logger log = LoggerFactory.getLogger(OpsSettlementTermsController.class);

    public record TermsView(String merchantId, int cycleDays, String bankAccount, String accountName, String bankName,
                            String notifyUrl) {

        static TermsView of(SettlementTermsDTO t) {
            return new TermsView(t.merchantId(), t.cycleDays(), t.bankAccount(), t.accountName(), t.bankName(), t.notifyUrl());
        }
    }

    private final MerchantService merchants;

    public OpsSettlementTermsController(MerchantService merchants) {
        this.merchants = merchants;
    }

    @GetMapping
    public TermsView get(@PathVariable String merchantId) {
        return TermsView.of(Results.unwrap(merchants.settlementTerms(merchantId)));
    }

    @PutMapping
    public TermsView set(@PathVariable String merchantId, @RequestBody(required = false) byte[] raw, HttpServletRequest request) {
        JsonBody body = JsonBody.parse(raw);
        long cycle = body.integer("cycle_days");
        if (cycle < 1 || cycle > Integer.MAX_VALUE) {
            throw body.invalid("cycle_days", "must be a positive number of days");
        }
        AuditNotes.before(request, get(merchantId));
        String operator = body.optionalText("operator");
        SettlementTermsDTO terms = Results.unwrap(merchants.setSettlementTerms(new SettlementTermsCmd(merchantId, (int) cycle,
                body.text("account_no"), body.text("account_name"), body.text("bank_name"), body.optionalText("notify_url"))));
        log.info("settlement terms of {} set by operator={}: T+{}, account {}", merchantId,
                operator == null ? "ops" : operator, terms.cycleDays(), terms.bankAccount());
        TermsView after = TermsView.of(terms);
        AuditNotes.after(request, after);
        return after;
    }
}
