package io.paysuite.channel.isolation;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.money.Money;
import io.paysuite.channel.adapter.ChannelAdapter;
import io.paysuite.channel.adapter.ChannelAdapters;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.order.ChannelOrder;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sentinel lets the first call after an open breaker's window through as the half-open probe —
 * but the router sends no payment to an open channel, so none would come. This sends that probe:
 * once a second, for each open channel whose window has passed, a query of a never-created order
 * through the same guard. An answer closes the breaker; a timeout opens it for another window.
 */
@Component
public class BreakerProbe implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BreakerProbe.class);

    private final BreakerBoard board;
    private final ChannelAdapters adapters;
    private final ChannelGuard guard;
    private final IsolationProperties properties;
    private ScheduledExecutorService timer;

    public BreakerProbe(BreakerBoard board, ChannelAdapters adapters, ChannelGuard guard, IsolationProperties properties) {
        this.board = board;
        this.adapters = adapters;
        this.guard = guard;
        this.properties = properties;
    }

    void probeDue() {
        for (ChannelCode channel : adapters.channels()) {
            Instant opened = board.openedAt(channel);
            if (board.open(channel) && opened != null && !board.now().isBefore(opened.plus(properties.openFor()))) {
                try {
                    boolean answered = probe(channel);
                    log.info("half-open probe of {}: {} → breaker {}", channel, answered ? "answered" : "no answer", board.state(channel));
                } catch (RuntimeException e) {
                    log.warn("probe of {} failed: {}", channel, e.toString());
                }
            }
        }
    }

    /**
     * A query of an order that never existed, through the same guard as every call to the channel. Any
     * answer from the channel (here: "not found") is health; a timeout keeps the breaker open.
     *
     * @return whether the channel answered
     */
    boolean probe(ChannelCode channel) {
        ChannelAdapter adapter = adapters.anyOf(channel).orElse(null);
        if (adapter == null) {
            return false;
        }
        Instant now = board.now();
        ChannelOrder probe = new ChannelOrder("C" + "0".repeat(25), "P" + "0".repeat(25), "T" + "0".repeat(25), "PROBE", channel,
                adapter.method(), Money.cny(1), "probe", ChannelOrderStatus.PROCESSING, null, null, null, null, now, now, null);
        return guard.call(channel, "probe", () -> adapter.query(probe)).outcome() != Outcome.UNKNOWN;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "channel-breaker-probe");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::probeDue, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
