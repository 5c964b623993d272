package io.paysuite.cashier.api.settlement;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.settlement.SettlementQry;
import io.paysuite.api.settlement.SettlementService;
import io.paysuite.cashier.api.Times;
import io.paysuite.cashier.api.auth.OpenApiGate;
import io.paysuite.cashier.api.error.Results;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The merchant's settlements, signed like the rest of the open API ({@link OpenApiGate}):
 * {@code GET /api/v1/settlements?from=yyyy-MM-dd&to=yyyy-MM-dd} (the settlements whose run date is in
 * the period, a JSON array), {@code GET /api/v1/settlements/{settlement_no}} and
 * {@code …/{settlement_no}/file} (the statement as CSV). Another merchant's settlement is
 * {@code SETTLEMENT_NOT_FOUND} (404), exactly like one that does not exist.
 */
@RestController
public class SettlementController {

    private final SettlementService settlements;
    private final Times times;

    public SettlementController(SettlementService settlements, Times times) {
        this.settlements = settlements;
        this.times = times;
    }

    @GetMapping(path = "/api/v1/settlements", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<SettlementView> list(@RequestAttribute(OpenApiGate.MERCHANT_ID) String merchantId,
                                     @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return Results.unwrap(settlements.list(new SettlementQry(merchantId, day(from, "from"), day(to, "to")))).stream()
                .map(s -> SettlementView.of(s, times)).toList();
    }

    @GetMapping(path = "/api/v1/settlements/{settlementNo}", produces = MediaType.APPLICATION_JSON_VALUE)
    public SettlementView get(@RequestAttribute(OpenApiGate.MERCHANT_ID) String merchantId, @PathVariable String settlementNo) {
        return SettlementView.of(Results.unwrap(settlements.get(merchantId, settlementNo)), times);
    }

    /** Always CSV, whatever the client accepts: no {@code produces} condition, so refusals stay JSON. */
    @GetMapping(path = "/api/v1/settlements/{settlementNo}/file")
    public ResponseEntity<String> file(@RequestAttribute(OpenApiGate.MERCHANT_ID) String merchantId,
                                       @PathVariable String settlementNo) {
        String csv = Results.unwrap(settlements.statement(merchantId, settlementNo));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"paysuite-" + settlementNo + ".csv\"")
                .body(csv);
    }

    private static LocalDate day(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new BizException(ErrorCode.PARAM_ERROR, field + " is required (yyyy-MM-dd)");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BizException(ErrorCode.PARAM_ERROR, field + " must be yyyy-MM-dd");
        }
    }
}
