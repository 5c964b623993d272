package io.paysuite.sandbox;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /sandbox/v1/bill-faults}: differences injected into the channels' bills (see {@link BillFaults}).
 * {@code POST} {@code {"channel", "bill_date", "action": "ADD_LINE" | "DROP_LINE" | "CHANGE_AMOUNT", "kind": "PAYMENT" |
 * "REFUND", "out_trade_no", "out_refund_no", "amount_fen"}} ({@code "ADD_LINES"} with {@code "count"}: Alipay's trade bill
 * only, {@code out_trade_no} a prefix of at most 25 characters); {@code GET} lists them; {@code DELETE} removes them all.
 */
@RestController
@RequestMapping("/sandbox/v1/bill-faults")
class BillFaultsController {

    /** The payout channel, whose account bill takes faults by out_biz_no (see the module's README). */
    private static final String PAYOUT_CHANNEL = "ALIPAY_PAYOUT";

    /** Enough for a busy channel's day; a bound so a typo cannot exhaust the sandbox's heap. */
    private static final int MAX_GENERATED = 1_000_000;

    private final BillFaults faults;

    BillFaultsController(BillFaults faults) {
        this.faults = faults;
    }

    @PostMapping
    ResponseEntity<?> add(@RequestBody Map<String, Object> body) {
        try {
            BillFaults.Action action = BillFaults.Action.valueOf(text(body, "action").toUpperCase(Locale.ROOT));
            BillFaults.Kind kind = body.get("kind") == null ? BillFaults.Kind.PAYMENT
                    : BillFaults.Kind.valueOf(text(body, "kind").toUpperCase(Locale.ROOT));
            Long amount = body.get("amount_fen") == null ? null : ((Number) body.get("amount_fen")).longValue();
            if (action != BillFaults.Action.DROP_LINE && (amount == null || amount <= 0)) {
                return refused("amount_fen (positive) is required for " + action);
            }
            String refundNo = body.get("out_refund_no") == null ? null : text(body, "out_refund_no");
            // a payout's return line is known by the transfer's out_biz_no alone; a trade refund needs its own number
            if (action == BillFaults.Action.ADD_LINE && kind == BillFaults.Kind.REFUND && refundNo == null
                    && !PAYOUT_CHANNEL.equalsIgnoreCase(text(body, "channel"))) {
                return refused("out_refund_no is required to add a refund line");
            }
            Integer count = null;
            if (action == BillFaults.Action.ADD_LINES) {
                count = body.get("count") == null ? null : ((Number) body.get("count")).intValue();
                if (count == null || count < 1 || count > MAX_GENERATED) {
                    return refused("count (1–" + MAX_GENERATED + ") is required for ADD_LINES");
                }
                if (!"ALIPAY".equalsIgnoreCase(text(body, "channel")) || kind != BillFaults.Kind.PAYMENT) {
                    return refused("ADD_LINES generates payments of Alipay's trade bill only");
                }
                if (text(body, "out_trade_no").length() > 25) {
                    return refused("out_trade_no is the prefix of the generated numbers: at most 25 characters");
                }
            }
            BillFaults.BillFault fault = new BillFaults.BillFault(text(body, "channel"), LocalDate.parse(text(body, "bill_date")), action,
                    kind, text(body, "out_trade_no"), refundNo, amount, count);
            faults.add(fault);
            return ResponseEntity.status(HttpStatus.CREATED).body(fault);
        } catch (IllegalArgumentException | DateTimeParseException | ClassCastException bad) {
            return refused(bad.getMessage());
        }
    }

    @GetMapping
    List<BillFaults.BillFault> list() {
        return faults.all();
    }

    @DeleteMapping
    ResponseEntity<Void> clear() {
        faults.clear();
        return ResponseEntity.noContent().build();
    }

    private static String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value.toString().trim();
    }

    private static ResponseEntity<?> refused(String why) {
        return ResponseEntity.badRequest().body(Map.of("code", "INVALID_BILL_FAULT", "message", String.valueOf(why)));
    }
}
