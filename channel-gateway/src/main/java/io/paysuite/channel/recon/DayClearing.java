package io.paysuite.channel.recon;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Clearing of a channel's bill day: what the channel settles (its bill's gross − refunds − fee) moves from
 * {@code CHANNEL_CLEARING} to {@code PLATFORM_BANK}, its fee to {@code CHANNEL_FEE_EXPENSE} — one balanced entry.
 * The amounts are the bill's, because clearing books what the channel actually settles; where the bill and our
 * records disagree, the difference is a reconciliation difference and is booked by its resolution, not here.
 *
 * <p>Deterministic keys: the first entry of a day is {@code CLEAR-<channel>-<yyyyMMdd>}. A later run whose bill says
 * something else (a corrected bill) posts only the change, under a key naming what was cleared before it
 * ({@code CLEAR-<channel>-<yyyyMMdd>-<net>-<fee>}), so a retry after a lost answer is the same entry and a
 * repeat of the same bill posts nothing.
 */
@Component
public class DayClearing {

    private static final Logger log = LoggerFactory.getLogger(DayClearing.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final ReconciliationRepository repository;
    private final ReconciliationLedger ledger;
    private final Clock clock;

    public DayClearing(ReconciliationRepository repository, ReconciliationLedger ledger, Clock clock) {
        this.repository = repository;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The posting key of the clearing entry that takes a day from what it cleared before to what its bill says. */
    static String key(ReconBatch batch) {
        String day = batch.channel() + "-" + DAY.format(batch.billDate());
        return batch.clearingKey() == null ? "CLEAR-" + day : "CLEAR-" + day + "-" + batch.clearedNet() + "-" + batch.clearedFee();
    }

    /** @return the batch with what it has cleared now (unchanged when the ledger did not confirm: asked again next run) */
    public ReconBatch clear(ReconBatch batch, BillMatching.Totals totals, String currency) {
        long net = totals.billGross() - totals.billRefunded();
        long deltaNet = net - batch.clearedNet();
        long deltaFee = totals.billFee() - batch.clearedFee();
        if (deltaNet == 0 && deltaFee == 0) {
            return batch;
        }
        String key = key(batch);
        if (!ledger.clear(batch.channel(), batch.billDate(), key, deltaNet, deltaFee, currency)) {
            log.warn("clearing {} of {} {} not confirmed by the ledger; the next run posts it again", key, batch.channel(),
                    batch.billDate());
            return batch;
        }
        repository.cleared(batch.id(), net, totals.billFee(), key, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        log.info("cleared {} {}: {} off CHANNEL_CLEARING, {} to PLATFORM_BANK, fee {} ({})", batch.channel(), batch.billDate(), deltaNet,
                deltaNet - deltaFee, deltaFee, key);
        return new ReconBatch(batch.id(), batch.channel(), batch.billDate(), batch.matched(), batch.differencesOpen(),
                batch.differencesResolved(), batch.totals(), net, totals.billFee(), key, batch.runs(), batch.lastRun(),
                batch.createdAt(), batch.updatedAt(), batch.kind());
    }
}
