package io.paysuite.cashier.notify;

import io.paysuite.api.event.Topics;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.cashier.notify.*}: merchant notifications (API.md, "Notifications to the merchant").
 *
 * @param schedule      the waits after failed attempt 1, 2, …: API.md's 15s, 15s, 30s, 3m, 10m, 20m, 30m,
 *                      30m, 30m, 60m, 3h, 3h, 3h, 6h, 6h (WeChat Pay's 15 resends over 24 h 4 m). After the
 *                      attempt that follows the last wait the notification is given up. Tests set a scaled-down
 *                      list of the same shape
 * @param timeout       API.md: a 2xx answer within 5 s acknowledges; the whole exchange must fit in it
 * @param concurrency   deliveries in flight at once, across all merchants; a slow merchant holds at most
 *                      one of them per attempt for {@code timeout}, never a message consumer thread
 * @param queueCapacity attempts waiting for a free delivery slot; beyond it an attempt is put back on
 *                      the broker as a timer a few seconds away (back pressure, nothing dropped)
 * @param namesrv       RocketMQ name server(s), the trade events' ({@code paysuite.events.namesrv})
 * @param tradeTopic    where trade-core publishes trade events (trade-core's {@code paysuite.events.topic})
 * @param group         consumer group of trade events; every cashier-service instance shares it
 * @param retryTopic    cashier-owned topic of the timer messages that carry the retry schedule
 * @param retryGroup    consumer group of {@code retryTopic}
 * @param sweepEvery    how often the backstop sweeper looks for PENDING notifications whose timer was lost
 * @param sweepLateness how late past its due time a PENDING notification must be before the sweeper takes
 *                      it: larger than a timer's normal lateness, so the sweeper never races a live timer
 * @param sweepBatch    at most this many notifications re-armed per sweep
 */
@ConfigurationProperties("paysuite.cashier.notify")
public record NotifyProperties(
        @DefaultValue({"15s", "15s", "30s", "3m", "10m", "20m", "30m", "30m", "30m", "60m", "3h", "3h", "3h", "6h", "6h"})
        List<Duration> schedule,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("16") int concurrency,
        @DefaultValue("2000") int queueCapacity,
        @DefaultValue("127.0.0.1:19876") String namesrv,
        @DefaultValue(Topics.TRADE_EVENT) String tradeTopic,
        @DefaultValue("paysuite-cashier-notify") String group,
        @DefaultValue(Topics.NOTIFY_RETRY) String retryTopic,
        @DefaultValue("paysuite-cashier-notify-retry") String retryGroup,
        @DefaultValue("30s") Duration sweepEvery,
        @DefaultValue("60s") Duration sweepLateness,
        @DefaultValue("500") int sweepBatch,
        @DefaultValue(Topics.LEDGER_EVENT) String ledgerTopic,
        @DefaultValue("paysuite-cashier-notify-settlement") String ledgerGroup) {

    public NotifyProperties {
        if (schedule == null || schedule.isEmpty()) {
            throw new IllegalArgumentException("paysuite.cashier.notify.schedule must list at least one wait");
        }
        for (Duration wait : schedule) {
            requirePositive("schedule", wait);
        }
        schedule = List.copyOf(schedule);
        requirePositive("timeout", timeout);
        requirePositive("sweep-every", sweepEvery);
        requirePositive("sweep-lateness", sweepLateness);
        if (concurrency < 1 || queueCapacity < 1 || sweepBatch < 1) {
            throw new IllegalArgumentException("paysuite.cashier.notify.concurrency, queue-capacity and sweep-batch must be positive");
        }
        requireText("namesrv", namesrv);
        requireText("trade-topic", tradeTopic);
        requireText("group", group);
        requireText("retry-topic", retryTopic);
        requireText("retry-group", retryGroup);
        requireText("ledger-topic", ledgerTopic);
        requireText("ledger-group", ledgerGroup);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("paysuite.cashier.notify." + name + " must be positive");
        }
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("paysuite.cashier.notify." + name + " is required");
        }
    }
}
