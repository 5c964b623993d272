package io.paysuite.cashier.ops.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.cashier.api.Times;
import io.paysuite.cashier.api.error.ErrorBody;
import io.paysuite.cashier.api.error.RequestIds;
import io.paysuite.cashier.notify.Delivery;
import io.paysuite.cashier.notify.Notification;
import io.paysuite.cashier.notify.NotificationAttempt;
import io.paysuite.cashier.notify.NotificationStatus;
import io.paysuite.cashier.notify.NotificationStore;
import io.paysuite.cashier.notify.OperatorResend;
import io.paysuite.cashier.ops.audit.AuditNotes;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Merchant notifications for operators ({@code /ops/api/v1}, behind the ops bearer token):
 * <ul>
 *   <li>{@code GET /notifications?status=GAVE_UP|PENDING|DELIVERED&trade_no=…&limit=…} newest first;</li>
 *   <li>{@code GET /notifications/{event_id}} with its body and every attempt;</li>
 *   <li>{@code POST /notifications/{event_id}/resend} delivers it now, whatever its state.</li>
 * </ul>
 */
@RestController
@RequestMapping(path = "/ops/api/v1/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
public class NotificationOpsController {

    static final String NOT_FOUND = "NOTIFICATION_NOT_FOUND";
    private static final int MAX_LIMIT = 500;

    public record NotificationView(String eventId, String eventType, String tradeNo, String merchantId, String notifyUrl,
                                   String status, int attempts, String nextAttemptAt, String createdAt, String deliveredAt) {
    }

    public record AttemptView(Integer attemptNo, String kind, String attemptedAt, Integer httpStatus, String error,
                              long durationMs, boolean acknowledged) {
    }

    public record DetailView(NotificationView notification, JsonNode body, List<AttemptView> attempts) {
    }

    public record ListView(List<NotificationView> data) {
    }

    public record ResendView(AttemptView attempt, NotificationView notification) {
    }

    private final NotificationStore store;
    private final OperatorResend resends;
    private final ObjectMapper json;
    private final Times times;

    public NotificationOpsController(NotificationStore store, OperatorResend resends, ObjectMapper json, Times times) {
        this.store = store;
        this.resends = resends;
        this.json = json;
        this.times = times;
    }

    @GetMapping
    public ListView list(@RequestParam(required = false) String status,
                         @RequestParam(name = "trade_no", required = false) String tradeNo,
                         @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BizException(ErrorCode.PARAM_ERROR, "limit must be between 1 and " + MAX_LIMIT);
        }
        return new ListView(store.list(status(status), blankToNull(tradeNo), limit).stream().map(this::view).toList());
    }

    @GetMapping("/{eventId}")
    public ResponseEntity<?> get(@PathVariable String eventId, HttpServletRequest request) throws IOException {
        Notification n = store.find(eventId).orElse(null);
        if (n == null) {
            return notFound(eventId, request);
        }
        List<AttemptView> attempts = store.attempts(eventId).stream().map(this::view).toList();
        return ResponseEntity.ok(new DetailView(view(n), json.readTree(n.body()), attempts));
    }

    @PostMapping("/{eventId}/resend")
    public ResponseEntity<?> resend(@PathVariable String eventId, HttpServletRequest request) {
        store.find(eventId).ifPresent(before -> AuditNotes.before(request, view(before)));
        return resends.resend(eventId)
                .map(o -> {
                    AuditNotes.after(request, view(o.notification()));
                    return o;
                })
                .<ResponseEntity<?>>map(o -> ResponseEntity.ok(new ResendView(view(o.delivery()), view(o.notification()))))
                .orElseGet(() -> notFound(eventId, request));
    }

    private ResponseEntity<?> notFound(String eventId, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(new ErrorBody(NOT_FOUND, "no notification " + eventId, RequestIds.of(request)));
    }

    private NotificationView view(Notification n) {
        return new NotificationView(n.eventId(), n.eventType(), n.tradeNo(), n.merchantId(), n.notifyUrl(), n.status().name(),
                n.attempts(), times.format(n.nextAttemptAt()), times.format(n.createdAt()), times.format(n.deliveredAt()));
    }

    private AttemptView view(NotificationAttempt a) {
        return new AttemptView(a.attemptNo(), a.kind(), times.format(a.attemptedAt()), a.httpStatus(), a.error(),
                a.durationMs(), a.acknowledged());
    }

    private AttemptView view(Delivery d) {
        return new AttemptView(null, NotificationAttempt.OPERATOR, times.format(d.at()), d.httpStatus(), d.error(),
                d.durationMs(), d.acknowledged());
    }

    private static NotificationStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return NotificationStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BizException(ErrorCode.PARAM_ERROR, "status must be one of PENDING, DELIVERED, GAVE_UP");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
