package io.paysuite.cashier.ops.console;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.recon.ReconciliationDTO;
import io.paysuite.api.recon.ReconciliationService;
import io.paysuite.api.refund.RefundService;
import io.paysuite.cashier.api.error.Results;
import io.paysuite.cashier.notify.NotificationStatus;
import io.paysuite.cashier.notify.NotificationStore;
import io.paysuite.cashier.ops.OpsController;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /ops/api/v1/dashboard} (VIEWER): what the console's dashboard polls — every channel's health from
 * channel-gateway's five-minute window (success rate, p50/p99, breaker, most frequent codes: the error-code ranking),
 * the alarms they raise ({@link ChannelAlarms}), the notification backlog and the open reconciliation differences;
 * and, apart, the payments and the refunds per minute.
 * Each figure comes from the service that owns it, through the same calls as the rest of the ops API.
 */
@RestController
@RequestMapping(path = "/ops/api/v1/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
public class DashboardController {

    /** Backlog counts stop at this (the dashboard says "500+"; the notifications page lists them). */
    static final int COUNT_LIMIT = 500;

    public record BacklogView(int pending, int gaveUp, int limit) {
    }

    public record ReconView(long differencesOpen, int batchesWithOpenDifferences) {
    }

    /** Pay orders opened in {@code minute} with this method through this channel, by their status now. */
    public record MinuteView(String minute, String method, String channel, String status, long count) {
    }

    public record PaymentsView(String window, String since, List<MinuteView> minutes) {
    }

    /** Refunds accepted in {@code minute} that are in {@code status} now. */
    public record RefundMinuteView(String minute, String status, long count) {
    }

    public record RefundsView(String window, String since, List<RefundMinuteView> minutes) {
    }

    /** A channel's five-minute health window as read in {@code minute}. */
    public record HealthSampleView(String minute, String channel, long calls, double successRate, double p50Ms, double p99Ms) {
    }

    public record HealthHistoryView(String window, String since, List<HealthSampleView> samples) {
    }

    public record DashboardView(List<OpsController.ChannelHealthView> channels, List<ChannelAlarms.Alarm> alarms,
                                BacklogView notifications, ReconView reconciliation) {
    }

    private final OpsController ops;
    private final ChannelAlarms alarms;
    private final NotificationStore notifications;
    private final ReconciliationService reconciliations;
    private final Clock clock;
    private final PayService pays;
    private final RefundService refunds;
    private final ChannelHealthHistory history;

    public DashboardController(OpsController ops, ChannelAlarms alarms, NotificationStore notifications,
                               ReconciliationService reconciliations, PayService pays, RefundService refunds,
                               ChannelHealthHistory history, Clock clock) {
        this.history = history;
        this.pays = pays;
        this.refunds = refunds;
        this.ops = ops;
        this.alarms = alarms;
        this.notifications = notifications;
        this.reconciliations = reconciliations;
        this.clock = clock;
    }

    @GetMapping
    public DashboardView dashboard() {
        List<OpsController.ChannelHealthView> health = ops.channelsHealth().channels();
        List<ChannelAlarms.Alarm> raised = alarms.check(health.stream()
                .map(h -> new ChannelAlarms.Reading(h.channel(), h.calls(), h.successRate(), h.p50Ms(), h.p99Ms())).toList(),
                clock.millis());
        BacklogView backlog = new BacklogView(notifications.list(NotificationStatus.PENDING, null, COUNT_LIMIT).size(),
                notifications.list(NotificationStatus.GAVE_UP, null, COUNT_LIMIT).size(), COUNT_LIMIT);
        List<ReconciliationDTO> batches = Results.unwrap(reconciliations.list(null, 100));
        ReconView recon = new ReconView(batches.stream().mapToLong(ReconciliationDTO::differencesOpen).sum(),
                (int) batches.stream().filter(b -> b.differencesOpen() > 0).count());
        return new DashboardView(health, raised, backlog, recon);
    }

    /**
     * {@code GET /ops/api/v1/dashboard/payments?window=hour|day}: pay orders per minute by method, channel and status,
     * counted by pay-core where every pay order is opened (balance payments included, which no channel sees).
     * Its own endpoint, so the rest of the dashboard answers even when this count cannot.
     */
    @GetMapping("/payments")
    public PaymentsView payments(@RequestParam(name = "window", defaultValue = "hour") String window) {
        Instant since = since(window);
        return new PaymentsView(window, since.toString(), Results.unwrap(pays.minuteCounts(since)).stream()
                .map(c -> new MinuteView(c.minute().toString(), c.method().name(), c.channel(), c.status(), c.count())).toList());
    }

    /**
     * {@code GET /ops/api/v1/dashboard/refunds?window=hour|day}: refunds per minute by their status now, counted by
     * trade-core where every refund is accepted. Its own endpoint, like the payments', so the rest answers without it.
     */
    @GetMapping("/refunds")
    public RefundsView refunds(@RequestParam(name = "window", defaultValue = "hour") String window) {
        Instant since = since(window);
        return new RefundsView(window, since.toString(), Results.unwrap(refunds.minuteCounts(since)).stream()
                .map(c -> new RefundMinuteView(c.minute().toString(), c.status(), c.count())).toList());
    }

    /**
     * {@code GET /ops/api/v1/dashboard/channels?window=hour|day}: each channel's success rate and p50/p99 minute by
     * minute ({@link ChannelHealthHistory}: the gateway's five-minute window read once a minute, kept by this cashier
     * since it started).
     */
    @GetMapping("/channels")
    public HealthHistoryView channels(@RequestParam(name = "window", defaultValue = "hour") String window) {
        Instant since = since(window);
        return new HealthHistoryView(window, since.toString(), history.since(since).stream()
                .map(s -> new HealthSampleView(s.minute().toString(), s.channel(), s.calls(), s.successRate(), s.p50Ms(), s.p99Ms()))
                .toList());
    }

    private Instant since(String window) {
        Duration span = switch (window) {
            case "hour" -> Duration.ofHours(1);
            case "day" -> Duration.ofDays(1);
            default -> throw new BizException(ErrorCode.PARAM_ERROR, "window must be hour or day");
        };
        return clock.instant().minus(span);
    }
}
