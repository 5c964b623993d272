package io.paysuite.trade.infra.event;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.paysuite.kit.mq.MessageSender;
import io.paysuite.kit.shadow.ShadowContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The outbox's relay: every {@code relay-interval} (1 s) each instance sends the trade events that committed
 * more than {@code relay-after} (3 s) ago and were never marked published — the instance died between its
 * commit and its send, the broker did not take the send, or the send's answer was lost — as the same message
 * they were first sent as (topic, tag, keys, {@code eventId}, body; {@link RocketMqTradeEvents#toMessage}), and
 * marks them. One indexed read per database a round ({@code idx_unpublished}), normally empty; what it sent is
 * counted in {@value #RELAYED_METER} (by side) and logged at WARN, since each one was late.
 *
 * <p>A page of {@link #PAGE} events is sent, then marked in one statement, and the next page read while the last
 * was full, so a backlog (a broker that was down) drains in one round. A send that fails ends the round: the
 * broker is not taking messages, and the next round tries again from the oldest.
 *
 * <p>No claim, no leader: two instances sweeping at once, or a sweep racing a slow first send, send an event
 * twice, and every consumer of trade events deduplicates (the notification's primary key is the event id, the
 * ledger's postings and points grants are keyed by business numbers, the follow-ups are compare-and-sets, a
 * second expiry timer finds the trade as the first left it). Nothing is marked before the broker stored it, so
 * nothing is lost.
 *
 * <p>Both sides: the real databases, and — on an instance that takes load traffic ({@link ShadowContext#accepted})
 * — the shadow ones, read and marked under the mark, whose messages the kit's producer marks in turn. Unlike the
 * janitors, which sweep the real side only (docs/adr/0010-shadow-traffic.md, decision 4), the relay is part of
 * delivery, not a backstop: without it a load test's event whose send failed would never arrive.
 */
final class EventRelay implements SmartLifecycle {

    /** Events read, sent and marked at a time. */
    static final int PAGE = 200;
    /** Micrometer counter of events the relay sent (committed, never marked published), tagged {@code side}. */
    static final String RELAYED_METER = "paysuite.events.relayed";

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);

    private final TradeEventMapper mapper;
    private final MessageSender sender;
    private final String topic;
    private final Duration after;
    private final Duration interval;
    private final Clock clock;
    private final BooleanSupplier shadowSide;
    private final Counter relayedReal;
    private final Counter relayedShadow;
    private volatile ScheduledExecutorService scheduler;

    /**
     * @param after      how old an unmarked event must be before it is sent again
     * @param interval   how often a round runs
     * @param shadowSide whether this instance has shadow databases to sweep too
     * @param meters     where {@value #RELAYED_METER} is counted
     */
    EventRelay(TradeEventMapper mapper, MessageSender sender, String topic, Duration after, Duration interval,
               Clock clock, BooleanSupplier shadowSide, MeterRegistry meters) {
        this.mapper = mapper;
        this.sender = sender;
        this.topic = topic;
        this.after = after;
        this.interval = interval;
        this.clock = clock;
        this.shadowSide = shadowSide;
        this.relayedReal = relayed(meters, "real");
        this.relayedShadow = relayed(meters, "shadow");
    }

    private static Counter relayed(MeterRegistry meters, String side) {
        return Counter.builder(RELAYED_METER).tag("side", side)
                .description("trade events the outbox relay sent: committed, never marked published").register(meters);
    }

    /** One round over both sides; never throws. Returns how many events it sent. */
    int sweepOnce() {
        int real = sweepSide("real");
        relayedReal.increment(real);
        if (!shadowSide.getAsBoolean()) {
            return real;
        }
        int load;
        try (ShadowContext.Scope marked = ShadowContext.enter()) {
            load = sweepSide("shadow");
        }
        relayedShadow.increment(load);
        return real + load;
    }

    private int sweepSide(String side) {
        LocalDateTime before = LocalDateTime.ofInstant(clock.instant().minus(after), ZoneOffset.UTC);
        int sent = 0;
        try {
            while (true) {
                List<String> unmarked = mapper.findUnpublished(before, PAGE);
                List<String> page = sendAll(unmarked, side);
                if (!page.isEmpty()) {
                    mapper.markAllPublished(page, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                    sent += page.size();
                }
                if (unmarked.size() < PAGE || page.size() < unmarked.size()) {
                    break; // the last page, or a send failed: the rest waits for the next round
                }
            }
        } catch (RuntimeException e) {
            // a read or the marks failed: what was sent and not marked is sent once more next round
            log.warn("relay of trade events ({} side): {}; tried again in {}", side, e.toString(), interval);
        }
        if (sent > 0) {
            log.warn("relay sent {} trade event(s) ({} side) committed over {} ago and never marked published", sent,
                    side, after);
        }
        return sent;
    }

    /** Sends each event in order, stopping at the first the broker did not store; returns the ids it stored. */
    private List<String> sendAll(List<String> eventIds, String side) {
        List<String> stored = new ArrayList<>(eventIds.size());
        for (String eventId : eventIds) {
            TradeEventDO row = mapper.findByEventId(eventId);
            if (row == null) {
                break; // found unmarked a moment ago; not there now: read again next round
            }
            try {
                sender.send(RocketMqTradeEvents.toMessage(row.draft(), topic));
            } catch (RuntimeException e) {
                log.warn("relay could not send event {} {} of trade {} ({} side): {}", row.eventType(), eventId,
                        row.tradeNo(), side, e.toString());
                break;
            }
            stored.add(eventId);
        }
        return stored;
    }

    private void round() {
        try {
            sweepOnce();
        } catch (RuntimeException | Error e) {
            log.error("relay round of trade events failed; tried again in {}", interval, e); // keeps the schedule alive
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "trade-event-relay");
            thread.setDaemon(true);
            return thread;
        });
        long period = interval.toMillis();
        // a random first delay spreads the instances' rounds over the interval
        long first = period + ThreadLocalRandom.current().nextLong(Math.max(1, period));
        scheduler.scheduleWithFixedDelay(this::round, first, period, TimeUnit.MILLISECONDS);
        log.info("trade event relay started: events unmarked for {} sent again, every {}{}", after, interval,
                shadowSide.getAsBoolean() ? ", real and shadow side" : "");
    }

    @Override
    public void stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = scheduler;
            scheduler = null;
        }
        if (running != null) {
            running.shutdown(); // a round in progress finishes its sends and marks
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
