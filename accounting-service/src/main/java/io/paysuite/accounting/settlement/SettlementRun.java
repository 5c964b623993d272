package io.paysuite.accounting.settlement;

import io.paysuite.accounting.ledger.AccountTotals;
import io.paysuite.accounting.ledger.Balances;
import io.paysuite.api.common.Outcome;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.member.MerchantService;
import io.paysuite.api.member.SettlementTermsDTO;
import io.paysuite.api.settlement.SettlementRunCmd;
import io.paysuite.api.settlement.SettlementRunDTO;
import io.paysuite.api.settlement.SettlementStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A settlement run for a date: per merchant and currency, what is due (the merchant's unsettled
 * pending entries posted up to day {@code date − N}, N its cycle) is written as one settlement that
 * claims exactly those entries, moved from pending to available, and paid out
 * ({@link SettlementPayouts}). Idempotent per merchant and date: a re-run answers the settlements
 * already made and only drives them on. Entries posted late for a settled day (a refund after
 * settlement, or a posting that committed after the run) are simply unsettled still, and the next
 * run takes them: nothing is ever settled twice or lost.
 */
public final class SettlementRun {

    private static final Logger log = LoggerFactory.getLogger(SettlementRun.class);

    private final SettlementStore store;
    private final SettlementPayouts payouts;
    private final Balances balances;
    private final MerchantService merchants;
    private final SettlementCalendar calendar;
    private final List<String> currencies;
    private final Clock clock;

    public SettlementRun(SettlementStore store, SettlementPayouts payouts, Balances balances, MerchantService merchants,
                         SettlementCalendar calendar, List<String> currencies, Clock clock) {
        this.store = store;
        this.payouts = payouts;
        this.balances = balances;
        this.merchants = merchants;
        this.calendar = calendar;
        this.currencies = List.copyOf(currencies);
        this.clock = clock;
    }

    public SettlementRunDTO run(SettlementRunCmd cmd) {
        if (cmd == null || cmd.date() == null) {
            throw new BizException(ErrorCode.PARAM_ERROR, "date is required");
        }
        LocalDate date = cmd.date();
        for (String currency : currencies) {
            // every cycle is at least T+1, so nothing posted on the run date or later is ever due
            TreeSet<String> candidates = new TreeSet<>(store.merchantsWithDue(currency, calendar.cutoff(date, 1)));
            balances.accounts(currency).stream()
                    .filter(a -> a.type() == AccountType.MERCHANT_AVAILABLE && a.toDto().balance() > 0)
                    .map(a -> AccountRef.parse(a.code()).ownerId())
                    .forEach(candidates::add);
            for (String merchantId : candidates) {
                try {
                    settle(merchantId, date, currency);
                } catch (RuntimeException e) {
                    log.error("ALARM: settlement of merchant {} for {} {} failed; the next run takes it", merchantId, date,
                            currency, e);
                }
            }
        }
        log.info("settlement run {} by {}", date, cmd.operator());
        return new SettlementRunDTO(date, store.ofDate(date).stream().map(Settlement::toDto).toList());
    }

    /** Settles one merchant for the date, or drives on the settlement already made. */
    void settle(String merchantId, LocalDate date, String currency) {
        Optional<Settlement> existing = store.findRun(merchantId, date, currency);
        if (existing.isPresent()) {
            payouts.advance(existing.get());
            return;
        }
        int cycleDays = cycleOf(merchantId);
        // an earlier settlement not yet held in transit would be counted again as available: finish it first
        store.openOf(merchantId, currency).forEach(payouts::advance);
        Instant cutoff = calendar.cutoff(date, cycleDays);
        List<DueEntry> due = store.due(merchantId, currency, cutoff);
        long available = balances.account(new AccountRef(AccountType.MERCHANT_AVAILABLE, merchantId, currency).code())
                .map(AccountTotals::toDto).map(b -> b.balance()).orElse(0L);
        if (due.isEmpty() && available <= 0) {
            return;
        }
        LocalDate periodTo = calendar.periodTo(date, cycleDays);
        LocalDate periodFrom = store.latestBefore(merchantId, currency, date).map(s -> s.periodTo().plusDays(1))
                .orElseGet(() -> due.isEmpty() ? periodTo : calendar.dayOf(due.get(0).postedAt()));
        if (periodFrom.isAfter(periodTo)) {
            periodFrom = periodTo; // the merchant's cycle got longer since the last settlement
        }
        Settlement settlement = new Settlement(SettlementNumbers.settlementNo(merchantId, date, currency), merchantId, currency,
                date, periodFrom, periodTo, cutoff, SettlementFigures.of(due, available), SettlementStatus.PROCESSING, null,
                null, null, null, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        if (store.claim(settlement, due)) {
            payouts.advance(settlement);
            return;
        }
        store.findRun(merchantId, date, currency).ifPresentOrElse(payouts::advance,
                () -> log.warn("settlement of merchant {} for {}: another run claimed some of its entries; the next run takes"
                        + " the rest", merchantId, date));
    }

    /** The merchant's cycle; a merchant member-service does not know is settled T+1, an unknown answer waits. */
    private int cycleOf(String merchantId) {
        Result<SettlementTermsDTO> terms;
        try {
            terms = merchants.settlementTerms(merchantId);
        } catch (RuntimeException e) {
            throw new IllegalStateException("settlement terms of " + merchantId + " unknown: " + e.getMessage(), e);
        }
        if (terms != null && terms.success()) {
            return terms.data().cycleDays();
        }
        if (Outcome.definitelyFailed(terms)) {
            return 1;
        }
        throw new IllegalStateException("settlement terms of " + merchantId + " unknown: " + (terms == null ? null : terms.code()));
    }
}
