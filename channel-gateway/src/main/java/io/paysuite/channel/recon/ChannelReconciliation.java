package io.paysuite.channel.recon;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.recon.DifferenceStatus;
import io.paysuite.api.recon.ReconKind;
import io.paysuite.api.recon.ReconciliationDTO;
import io.paysuite.api.recon.ResolutionAction;
import io.paysuite.api.recon.ResolutionDTO;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.preauth.Completion;
import io.paysuite.channel.preauth.Completions;
import io.paysuite.channel.refund.ChannelRefund;
import io.paysuite.channel.reconcile.BillFormatException;
import io.paysuite.channel.reconcile.BillRow;
import io.paysuite.channel.reconcile.BillSource;
import io.paysuite.channel.reconcile.BillUnavailableException;
import io.paysuite.channel.reconcile.PayoutBillRow;
import io.paysuite.channel.reconcile.PayoutBillSource;
import io.paysuite.channel.payout.PayoutRepository;
import io.paysuite.channel.reconcile.SucceededOrders;
import io.paysuite.channel.reconcile.SucceededRefunds;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reconciles one channel's bill day and stores it: downloads the bill ({@link BillSource}), matches its payments and
 * refunds with ours ({@link BillMatching}), keeps one batch per (channel, bill date) with its differences, lets
 * {@link DifferenceDecisions} resolve what the system can decide, and clears the day ({@link DayClearing}).
 *
 * <p>A card pre-authorisation's money is taken by its completion, which the channel's file lists as a payment under the
 * completion's own number for the captured amount; our side of it is the completion the gateway recorded when the
 * channel confirmed it ({@link Completions}), matched like a charge (the authorisation itself moved no money and is on
 * neither side).
 *
 * <p>A re-run is the same batch refreshed: a difference already stored keeps its state (a resolved one stays
 * resolved), one found for the first time is added, one no longer found is resolved as {@code SELF_HEALED} (our order
 * settled since, the channel corrected its bill); the batch's {@code lastRun} says so. An unreadable or unavailable
 * bill stores nothing: it must never look like a day without payments.
 */
@Component
public class ChannelReconciliation {

    private static final Logger log = LoggerFactory.getLogger(ChannelReconciliation.class);

    private final Map<ChannelCode, BillSource> bills = new EnumMap<>(ChannelCode.class);
    private final Optional<PayoutBillSource> payoutBill;
    private final PayoutRepository payouts;
    private final SucceededOrders orders;
    private final SucceededRefunds refunds;
    private final Completions completions;
    private final ReconciliationRepository repository;
    private final DifferenceDecisions decisions;
    private final DayClearing clearing;
    private final FeeRates rates;
    private final ReconciliationProperties properties;
    private final Clock clock;

    public ChannelReconciliation(List<BillSource> bills, List<PayoutBillSource> payoutBills, PayoutRepository payouts,
                                 SucceededOrders orders, SucceededRefunds refunds, Completions completions,
                                 ReconciliationRepository repository, DifferenceDecisions decisions, DayClearing clearing,
                                 FeeRates rates, ReconciliationProperties properties, Clock clock) {
        bills.forEach(source -> this.bills.put(source.channel(), source));
        this.payoutBill = payoutBills.stream().findFirst();
        this.payouts = payouts;
        this.orders = orders;
        this.refunds = refunds;
        this.completions = completions;
        this.repository = repository;
        this.decisions = decisions;
        this.clearing = clearing;
        this.rates = rates;
        this.properties = properties;
        this.clock = clock;
    }

    /** The channels this gateway has bills of (what the daily job reconciles). */
    public Set<ChannelCode> channels() {
        return bills.keySet();
    }

    /**
     * @throws BizException {@code PARAM_ERROR}, {@code SERVICE_DEGRADED} (no bill source for the channel here),
     *                      {@code SYSTEM_ERROR} (the bill could not be downloaded or read; nothing stored)
     */
    public ReconciliationDTO run(ChannelCode channel, LocalDate day) {
        ZoneId zone = ZoneId.of(properties.zone());
        if (channel == null || day == null) {
            throw new BizException(ErrorCode.PARAM_ERROR, "channel and bill_date are required");
        }
        begun(day, zone);
        BillSource source = bills.get(channel);
        if (source == null) {
            throw new BizException(ErrorCode.SERVICE_DEGRADED, channel + " is not configured on this gateway: no bill to reconcile");
        }
        List<BillRow> rows;
        long start = System.nanoTime();
        try {
            rows = source.rows(day);
        } catch (BillUnavailableException | BillFormatException e) {
            log.warn("reconcile {} {}: bill failed: {}", channel, day, e.toString());
            throw new BizException(ErrorCode.SYSTEM_ERROR, channel + " bill of " + day + " could not be "
                    + (e instanceof BillFormatException ? "read" : "downloaded") + ": " + e.getMessage() + "; nothing was stored");
        }
        long billed = System.nanoTime();
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<ChannelOrder> paid = new ArrayList<>(orders.succeededBetween(channel, from, to));
        completions.completedBetween(channel, from, to).forEach(completion -> paid.add(completion.asPayment()));
        List<ChannelRefund> refunded = refunds.refundedBetween(channel, from, to);
        long read = System.nanoTime();
        Function<String, Optional<ChannelOrder>> anyOrder =
                number -> orders.find(number).or(() -> completions.find(number).map(Completion::asPayment));
        BillMatching.Result matching = withFeeChecked(channel, day, rows, paid, anyOrder,
                BillMatching.match(rows, paid, anyOrder, refunded, refunds::findRefund));
        long matched = System.nanoTime();
        ReconciliationDTO stored = store(ReconKind.TRADE, channel, day, matching);
        // the whole run's split, so a big day's time can be read off the log (docs/benchmarks.md)
        log.info("reconcile {} {} timing: {} bill rows in {} ms (download and parse), {} orders of ours read in {} ms, matched in {} ms"
                        + " ({} differences found), stored and decided in {} ms; {} ms in all", channel, day, rows.size(),
                millis(start, billed), paid.size(), millis(billed, read), millis(read, matched), matching.found().size(),
                millis(matched, System.nanoTime()), millis(start, System.nanoTime()));
        return stored;
    }

    /**
     * The matching with the day's fee held to our agreed rates ({@link ExpectedFee}): the expected fee in its totals and,
     * when the bill's differs, a {@code FEE_MISMATCH} among its differences. A channel none of whose methods has a rate
     * is not checked (and its orders are not looked up for it).
     */
    private BillMatching.Result withFeeChecked(ChannelCode channel, LocalDate day, List<BillRow> rows, List<ChannelOrder> paid,
                                               Function<String, Optional<ChannelOrder>> anyOrder, BillMatching.Result matching) {
        if (!rates.any(channel)) {
            return matching;
        }
        Map<String, ChannelOrder> paidHere = new HashMap<>(paid.size() * 2);
        paid.forEach(order -> paidHere.put(order.channelOrderNo(), order));
        long expected = ExpectedFee.of(rows, number -> Optional.ofNullable(paidHere.get(number)).or(() -> anyOrder.apply(number))
                .flatMap(order -> rates.of(channel, order.method())));
        BillMatching.Totals totals = matching.totals().withExpectedFee(expected);
        List<Found> found = new ArrayList<>(matching.found());
        ExpectedFee.difference(channel, day, totals.billFee(), expected).ifPresent(found::add);
        return new BillMatching.Result(matching.matched(), List.copyOf(found), totals);
    }

    /** Whether this gateway has a payout channel with a bill (what the daily job reconciles for payouts). */
    public boolean payoutsHaveABill() {
        return payoutBill.isPresent();
    }

    /**
     * Reconciles the payout channel's account bill of {@code day} against our payouts ({@link PayoutBillMatching}) into
     * the batch of kind {@code PAYOUT} of that channel and day, with the same re-run rules as {@link #run}; nothing is
     * cleared (payouts never pass {@code CHANNEL_CLEARING}).
     *
     * @throws BizException as {@link #run}
     */
    public ReconciliationDTO runPayouts(LocalDate day) {
        ZoneId zone = ZoneId.of(properties.zone());
        if (day == null) {
            throw new BizException(ErrorCode.PARAM_ERROR, "bill_date is required");
        }
        begun(day, zone);
        PayoutBillSource source = payoutBill.orElseThrow(() -> new BizException(ErrorCode.SERVICE_DEGRADED,
                "no payout channel with a bill is configured on this gateway"));
        List<PayoutBillRow> rows;
        try {
            rows = source.payoutRows(day);
        } catch (BillUnavailableException | BillFormatException e) {
            log.warn("reconcile payouts {} {}: bill failed: {}", source.channel(), day, e.toString());
            throw new BizException(ErrorCode.SYSTEM_ERROR, source.channel() + " payout bill of " + day + " could not be "
                    + (e instanceof BillFormatException ? "read" : "downloaded") + ": " + e.getMessage() + "; nothing was stored");
        }
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        BillMatching.Result matching = PayoutBillMatching.match(rows, payouts.succeededBetween(from, to), payouts::find, to);
        return store(ReconKind.PAYOUT, source.channel(), day, matching);
    }

    private void begun(LocalDate day, ZoneId zone) {
        if (day.isAfter(LocalDate.now(clock.withZone(zone)))) {
            throw new BizException(ErrorCode.PARAM_ERROR, "no bill for " + day + ": that day has not begun in the channels' time");
        }
    }

    private ReconciliationDTO store(ReconKind kind, ChannelCode channel, LocalDate day, BillMatching.Result matching) {
        String currency = properties.currency();
        ReconBatch batch = repository.batchFor(kind, channel, day, currency, now());
        Map<String, ReconDifference> known = new HashMap<>();
        for (ReconDifference stored : repository.differences(batch.id())) {
            known.put(stored.found().identity(), stored);
        }
        int added = 0;
        Set<String> seen = new HashSet<>();
        for (Found found : matching.found()) {
            seen.add(found.identity());
            ReconDifference stored = known.get(found.identity());
            if (stored == null) {
                if (repository.insert(new ReconDifference(0, batch.id(), channel, day, found, currency, DifferenceStatus.OPEN, null,
                        null, now()))) {
                    added++;
                }
            } else if (!stored.found().equals(found)) {
                repository.observed(stored.id(), found, now());
            }
        }
        int healed = 0;
        for (ReconDifference stored : known.values()) {
            if (!stored.status().isFinal() && !seen.contains(stored.found().identity())) {
                Instant at = now();
                if (repository.transition(stored.id(), stored.status(), DifferenceStatus.RESOLVED, null, new ResolutionDTO(
                        ResolutionAction.SELF_HEALED, ResolutionDTO.SYSTEM, "no longer found by a later run",
                        "the bill and our records agree now", null, at), at)) {
                    healed++;
                }
            }
        }
        int resolved = 0;
        int escalated = 0;
        for (ReconDifference open : repository.differences(batch.id())) {
            switch (decisions.decide(open)) {
                case RESOLVED -> resolved++;
                case ESCALATED -> escalated++;
                case WAITING -> { }
            }
        }
        if (kind == ReconKind.TRADE) {
            batch = clearing.clear(batch, matching.totals(), currency);
        }

        long open = 0;
        long closed = 0;
        for (ReconDifference d : repository.differences(batch.id())) {
            if (d.status().isFinal()) {
                closed++;
            } else {
                open++;
            }
        }
        ReconciliationDTO.RunChanges changes = new ReconciliationDTO.RunChanges(added, healed, resolved, escalated);
        ReconBatch refreshed = new ReconBatch(batch.id(), channel, day, matching.matched(), open, closed, matching.totals(),
                batch.clearedNet(), batch.clearedFee(), batch.clearingKey(), batch.runs() + 1, changes, batch.createdAt(), now(), kind);
        repository.saveRun(refreshed);
        log.info("reconciled {} {} {} (run {}): {} matched, {} open, {} resolved; this run: {} new, {} self-healed, {} resolved, {} escalated;"
                        + " bill {} payments {} refunds, settled {} (expected {})", kind, channel, day, refreshed.runs(), refreshed.matched(), open,
                closed, added, healed, resolved, escalated, matching.totals().billPayments(), matching.totals().billRefunds(),
                matching.totals().settled(), matching.totals().expected());
        return repository.batch(batch.id()).orElse(refreshed).toDTO();
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
