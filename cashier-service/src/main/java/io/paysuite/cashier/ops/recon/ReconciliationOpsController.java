package io.paysuite.cashier.ops.recon;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.recon.DifferenceDTO;
import io.paysuite.api.recon.ReconciliationDTO;
import io.paysuite.api.recon.ReconciliationService;
import io.paysuite.api.recon.ResolutionAction;
import io.paysuite.api.recon.ResolutionDTO;
import io.paysuite.api.recon.ResolveDifferenceCmd;
import io.paysuite.cashier.api.JsonBody;
import io.paysuite.cashier.api.error.Results;
import io.paysuite.cashier.ops.OpsGate;
import io.paysuite.cashier.ops.audit.AuditNotes;
import io.paysuite.cashier.ops.operator.OpsPrincipal;
import io.paysuite.cashier.api.Times;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Channel reconciliation for operators ({@code /ops/api/v1}, behind {@link OpsGate}'s bearer token), as
 * docs/api/API.md lists it: run (or answer) a channel's bill day, show a batch and its differences, resolve a
 * difference with {@code ACCEPT}, {@code REFUND} or {@code ADJUST} and a reason. Channels are spelled as everywhere
 * in the ops API ({@link ChannelCode}: {@code ALIPAY}, {@code WECHAT}, {@code UNIONPAY}, {@code UNIONPAY_B}).
 *
 * <p>Who resolved: the operator logged in to the ops console, by login name; or the holder of the ops token, recorded
 * as {@code ops-token}, or {@code ops-token:<name>} when a script names its user in {@code X-Operator} (the token
 * authenticates; the name only says who was at the keyboard). The audit line keeps the difference before and after.
 */
@RestController
@RequestMapping(path = "/ops/api/v1/reconciliations", produces = MediaType.APPLICATION_JSON_VALUE)
public class ReconciliationOpsController {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationOpsController.class);
    static final String OPERATOR_HEADER = "X-Operator";

    public record BatchView(long reconciliationId, String channel, String billDate, String status, long matched, long differencesOpen,
                            long differencesResolved, long billPayments, long billRefunds, long billGross, long billRefunded,
                            long billFee, long settled, long expected, String clearingPostingKey, int runs, RunView lastRun,
                            String updatedAt, String kind) {
    }

    public record RunView(int added, int selfHealed, int autoResolved, int escalated) {
    }

    public record ResolutionView(String action, String by, String reason, String outcome, String postingKey, String at) {
    }

    public record DifferenceView(long differenceId, long reconciliationId, String type, String kind, String ourNo, Long ourAmount,
                                 String ourStatus, String channelNo, Long channelAmount, String channelTradeNo, String currency,
                                 String status, String note, ResolutionView resolution) {
    }

    private final ReconciliationService reconciliations;
    private final Times times;

    public ReconciliationOpsController(ReconciliationService reconciliations, Times times) {
        this.reconciliations = reconciliations;
        this.times = times;
    }

    /**
     * {@code {"channel", "bill_date"}}: runs the day, or answers the existing batch refreshed. With {@code "kind": "PAYOUT"}
     * it reconciles the payout channel's bill of the day instead (the channel is then the payout channel's and may be left
     * out).
     */
    @PostMapping
    public BatchView run(@RequestBody(required = false) byte[] raw) {
        JsonBody body = JsonBody.parse(raw);
        String kind = body.optionalText("kind");
        if (kind != null && !kind.equals("TRADE") && !kind.equals("PAYOUT")) {
            throw body.invalid("kind", "must be TRADE or PAYOUT");
        }
        boolean payouts = "PAYOUT".equals(kind);
        ChannelCode channel = payouts && !body.has("channel") ? null : channel(body.text("channel"), body);
        LocalDate day;
        try {
            day = LocalDate.parse(body.text("bill_date"));
        } catch (DateTimeParseException notADate) {
            throw body.invalid("bill_date", "must be yyyy-MM-dd");
        }
        return view(Results.unwrap(payouts ? reconciliations.runPayouts(day) : reconciliations.run(channel, day)));
    }

    @GetMapping
    public List<BatchView> list(@RequestParam(name = "channel", required = false) String channel,
                                @RequestParam(name = "limit", defaultValue = "50") int limit) {
        ChannelCode which = channel == null || channel.isBlank() ? null : channel(channel, null);
        return Results.unwrap(reconciliations.list(which, limit)).stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    public BatchView get(@PathVariable("id") long id) {
        return view(Results.unwrap(reconciliations.get(id)));
    }

    @GetMapping("/{id}/differences")
    public List<DifferenceView> differences(@PathVariable("id") long id) {
        return Results.unwrap(reconciliations.differences(id)).stream().map(this::view).toList();
    }

    /** {@code {"action": "ACCEPT" | "REFUND" | "ADJUST", "reason"}}: the difference as it is after the action. */
    @PostMapping("/differences/{differenceId}/resolve")
    public DifferenceView resolve(@PathVariable("differenceId") long differenceId, @RequestBody(required = false) byte[] raw,
                                  HttpServletRequest request) {
        JsonBody body = JsonBody.parse(raw);
        String action = body.text("action").trim().toUpperCase(Locale.ROOT);
        ResolutionAction chosen = switch (action) {
            case "ACCEPT" -> ResolutionAction.ACCEPT;
            case "REFUND" -> ResolutionAction.REFUND;
            case "ADJUST" -> ResolutionAction.ADJUST;
            default -> throw body.invalid("action", "must be ACCEPT, REFUND or ADJUST");
        };
        String reason = body.text("reason");
        String operator = operator(request);
        AuditNotes.before(request, differenceBefore(differenceId));
        DifferenceDTO resolved = Results.unwrap(reconciliations.resolve(new ResolveDifferenceCmd(differenceId, chosen, reason, operator)));
        log.info("reconciliation difference {} {} by operator={} reason={} -> {}", differenceId, chosen, operator, reason, resolved.status());
        DifferenceView after = view(resolved);
        AuditNotes.after(request, after);
        return after;
    }

    /** Who resolves: the logged-in operator, or the ops token's holder with the name a script gives. */
    static String operator(HttpServletRequest request) {
        return OpsPrincipal.of(request).recordedAs(request.getHeader(OPERATOR_HEADER));
    }

    /** The difference as it is before the action (read from its batch), for the audit line; null if it cannot be read. */
    private DifferenceView differenceBefore(long differenceId) {
        try {
            // the batch of a difference is not in its id: the newest batches hold the open ones an operator resolves
            for (ReconciliationDTO batch : Results.unwrap(reconciliations.list(null, 50))) {
                if (batch.differencesOpen() == 0) {
                    continue;
                }
                for (DifferenceDTO d : Results.unwrap(reconciliations.differences(batch.reconciliationId()))) {
                    if (d.differenceId() == differenceId) {
                        return view(d);
                    }
                }
            }
        } catch (RuntimeException unreadable) {
            log.debug("difference {} before its resolution not read: {}", differenceId, unreadable.toString());
        }
        return null;
    }

    private static ChannelCode channel(String name, JsonBody body) {
        try {
            return ChannelCode.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            if (body != null) {
                throw body.invalid("channel", "must be one of " + List.of(ChannelCode.values()));
            }
            throw new BizException(ErrorCode.PARAM_ERROR, "channel must be one of " + List.of(ChannelCode.values()));
        }
    }

    private BatchView view(ReconciliationDTO b) {
        ReconciliationDTO.RunChanges run = b.lastRun();
        return new BatchView(b.reconciliationId(), b.channel().name(), b.billDate().toString(), b.status().name(), b.matched(),
                b.differencesOpen(), b.differencesResolved(), b.billPayments(), b.billRefunds(), b.billGrossMinor(), b.billRefundedMinor(),
                b.billFeeMinor(), b.settledMinor(), b.expectedMinor(), b.clearingPostingKey(), b.runs(),
                run == null ? null : new RunView(run.added(), run.selfHealed(), run.autoResolved(), run.escalated()),
                b.updatedAt() == null ? null : times.format(b.updatedAt()), b.kind().name());
    }

    private DifferenceView view(DifferenceDTO d) {
        ResolutionDTO r = d.resolution();
        return new DifferenceView(d.differenceId(), d.reconciliationId(), d.type().name(), d.kind().name(), d.ourNo(), d.ourAmountMinor(),
                d.ourStatus(), d.channelNo(), d.channelAmountMinor(), d.channelTradeNo(), d.currency(), d.status().name(), d.note(),
                r == null ? null : new ResolutionView(r.action().name(), r.by(), r.reason(), r.outcome(), r.postingKey(),
                        r.at() == null ? null : times.format(r.at())));
    }
}
