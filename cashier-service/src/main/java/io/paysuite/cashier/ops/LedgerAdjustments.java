package io.paysuite.cashier.ops;

import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.PostingCmd;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.cashier.api.JsonBody;
import io.paysuite.cashier.api.error.Results;
import io.paysuite.cashier.ops.operator.OpsPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /ops/api/v1/ledger/adjustments}: the operators' manual adjustment, the one way a person
 * posts a general journal entry now that the ledger's writes answer only named internal callers.
 * Who made it and why are required and written into the entry's memo, and the operator's posting
 * key keeps it idempotent (a repeat answers the first entry, other content under the same key
 * {@code POSTING_KEY_USED}); the ledger still refuses an unbalanced entry.
 *
 * <p>Body: {@code {"posting_key", "operator", "reason", "currency", "lines": [{"account":
 * "TYPE:owner:CURRENCY", "side": "DEBIT"|"CREDIT", "amount": minor units}]}}.
 */
@RestController
@RequestMapping(path = "/ops/api/v1/ledger", produces = MediaType.APPLICATION_JSON_VALUE)
public class LedgerAdjustments {

    private static final Logger log = LoggerFactory.getLogger(LedgerAdjustments.class);
    static final String BIZ_TYPE = "ADJUSTMENT";

    public record AdjustmentView(String entryNo, String postingKey, String memo, String postedAt) {
    }

    private final LedgerService ledger;

    public LedgerAdjustments(LedgerService ledger) {
        this.ledger = ledger;
    }

    @PostMapping("/adjustments")
    public ResponseEntity<AdjustmentView> adjust(@RequestBody(required = false) byte[] raw, HttpServletRequest request) {
        JsonBody body = JsonBody.parse(raw);
        String key = body.text("posting_key");
        // a logged-in operator is who the login says; a script with the ops token names its person (required)
        OpsPrincipal principal = OpsPrincipal.of(request);
        String operator = principal.system() ? body.text("operator") : principal.name();
        String reason = body.text("reason");
        String currency = body.text("currency");
        List<PostingLine> lines = new ArrayList<>();
        for (JsonBody line : body.objects("lines")) {
            lines.add(new PostingLine(account(line), side(line), line.integer("amount")));
        }
        String memo = "adjusted by " + operator + ": " + reason;
        Result<JournalEntryDTO> posted = ledger.post(new PostingCmd("ADJ-" + key, BIZ_TYPE, key, currency, lines, memo));
        JournalEntryDTO entry = Results.unwrap(posted);
        log.info("ledger adjustment {} posted by operator={} entry={}", key, operator, entry.entryNo());
        return ResponseEntity.status(posted.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new AdjustmentView(entry.entryNo(), key, memo, String.valueOf(entry.postedAt())));
    }

    private static AccountRef account(JsonBody line) {
        try {
            return AccountRef.parse(line.text("account"));
        } catch (IllegalArgumentException bad) {
            throw line.invalid("account", "must be TYPE:owner:CURRENCY with a known account type");
        }
    }

    private static AccountType.Side side(JsonBody line) {
        try {
            return AccountType.Side.valueOf(line.text("side"));
        } catch (IllegalArgumentException bad) {
            throw line.invalid("side", "must be DEBIT or CREDIT");
        }
    }
}
