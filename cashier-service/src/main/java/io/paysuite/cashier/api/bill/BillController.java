package io.paysuite.cashier.api.bill;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.MerchantStatementQry;
import io.paysuite.api.ledger.StatementLineDTO;
import io.paysuite.cashier.api.Times;
import io.paysuite.cashier.api.auth.OpenApiGate;
import io.paysuite.cashier.api.error.Results;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/bills/{yyyy-MM-dd}}: the merchant's statement of one day (in the zone merchants
 * are answered in) as CSV — the merchant's side of reconciliation. Read from the ledger, so it is
 * exactly what moved the merchant's money: one row per journal entry with
 * {@code gross = fee + net + held + merchant_discount}, then a {@code TOTAL} row. A combination payment's
 * gross is the price; a coupon the merchant funded is its {@code merchant_discount} (the last column, added
 * after the others so readers of the first nine keep working), as WeChat Pay's bill shows the order amount,
 * the merchant's discount and what is settled. Like WeChat Pay's and Alipay's bills
 * it is the day's postings, not the day's orders: a trade paid at 23:59:59 and refunded the next
 * morning appears on both days.
 */
@RestController
public class BillController {

    static final String HEADER = "posted_at,type,trade_no,reference,entry_no,gross,fee,net,held,merchant_discount";

    private final LedgerService ledger;
    private final Times times;

    public BillController(LedgerService ledger, Times times) {
        this.ledger = ledger;
        this.times = times;
    }

    /** Always CSV, whatever the client accepts: no {@code produces} condition, so refusals stay JSON. */
    @GetMapping(path = "/api/v1/bills/{date}")
    public ResponseEntity<String> bill(@RequestAttribute(OpenApiGate.MERCHANT_ID) String merchantId, @PathVariable String date) {
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new BizException(ErrorCode.PARAM_ERROR, "date must be yyyy-MM-dd");
        }
        var from = day.atStartOfDay(times.zone()).toInstant();
        var to = day.plusDays(1).atStartOfDay(times.zone()).toInstant();
        List<StatementLineDTO> lines = Results.unwrap(ledger.merchantStatement(new MerchantStatementQry(merchantId, "CNY", from, to)));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"paysuite-" + merchantId + "-" + day + ".csv\"")
                .body(csv(lines));
    }

    String csv(List<StatementLineDTO> lines) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        long gross = 0;
        long fee = 0;
        long net = 0;
        long held = 0;
        long merchantDiscount = 0;
        for (StatementLineDTO line : lines) {
            out.append(times.format(line.postedAt())).append(',').append(line.bizType()).append(',').append(line.bizNo())
                    .append(',').append(line.reference()).append(',').append(line.entryNo()).append(',').append(line.gross())
                    .append(',').append(line.fee()).append(',').append(line.net()).append(',').append(line.held())
                    .append(',').append(line.merchantDiscount()).append('\n');
            gross += line.gross();
            fee += line.fee();
            net += line.net();
            held += line.held();
            merchantDiscount += line.merchantDiscount();
        }
        out.append("TOTAL,").append(lines.size()).append(",,,,").append(gross).append(',').append(fee).append(',')
                .append(net).append(',').append(held).append(',').append(merchantDiscount).append('\n');
        return out.toString();
    }
}
