package io.paysuite.channel.isolation;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.channel.order.ChannelOrders;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Lazy;
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
    private final ChannelOrders orders;
    private final IsolationProperties properties;
    private ScheduledExecutorService timer;

    public BreakerProbe(BreakerBoard board, @Lazy ChannelOrders orders, IsolationProperties properties) {
        this.board = board;
        this.orders = orders;
        this.properties = properties;
    }

    void probeDue() {
        for (ChannelCode channel : orders.channels()) {
            Instant opened = board.openedAt(channel);
            if (board.open(channel) && opened != null && !board.now().isBefore(opened.plus(properties.openFor()))) {
                try {
                    boolean answered = orders.probe(channel);
                    log.info("half-open probe of {}: {} → breaker {}", channel, answered ? "answered" : "no answer", board.state(channel));
                } catch (RuntimeException e) {
                    log.warn("probe of {} failed: {}", channel, e.toString());
                }
            }
        }
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
