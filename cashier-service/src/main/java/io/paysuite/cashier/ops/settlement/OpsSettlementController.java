package io.paysuite.cashier.ops.settlement;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.settlement.SettlementRunCmd;
import io.paysuite.api.settlement.SettlementRunDTO;
import io.paysuite.api.settlement.SettlementService;
import io.paysuite.cashier.api.JsonBody;
import io.paysuite.cashier.api.Times;
import io.paysuite.cashier.api.error.Results;
import io.paysuite.cashier.api.settlement.SettlementView;
import io.paysuite.cashier.ops.audit.AuditNotes;
import io.paysuite.cashier.ops.operator.OpsPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /ops/api/v1/settlements/runs} {@code {"date": "yyyy-MM-dd", "operator": "…"}}: settles
 * what is due on that date for every merchant (the same run the daily job makes; idempotent per
 * merchant and date, so a second call answers the same settlements). Who asked is the operator logged in to the
 * console; for the ops token's holder it is {@code ops-token}, or {@code ops-token:<operator>} with the optional
 * {@code operator} a script names. It is logged and handed to the ledger with the run.
 */
@RestController
@RequestMapping(path = "/ops/api/v1/settlements", produces = MediaType.APPLICATION_JSON_VALUE)
public class OpsSettlementController {

    private static final Logger log = LoggerFactory.getLogger(OpsSettlementController.class);

    public record MerchantSettlementView(String merchantId, SettlementView settlement) {
    }

    public record RunView(String date, List<MerchantSettlementView> settlements) {
    }

    /** Before a run: the day asked for and who asked (a run creates settlements, so there is no earlier object). */
    public record RunAsked(String date, String askedBy) {
    }

    private final SettlementService settlements;
    private final Times times;

    public OpsSettlementController(SettlementService settlements, Times times) {
        this.settlements = settlements;
        this.times = times;
    }

    @PostMapping("/runs")
    public RunView run(@RequestBody(required = false) byte[] raw, HttpServletRequest request) {
        JsonBody body = JsonBody.parse(raw);
        LocalDate date;
        try {
            date = LocalDate.parse(body.text("date"));
        } catch (DateTimeParseException e) {
            throw new BizException(ErrorCode.PARAM_ERROR, "date must be yyyy-MM-dd");
        }
        String who = OpsPrincipal.of(request).recordedAs(body.optionalText("operator"));
        log.info("settlement run {} asked by operator={}", date, who);
        AuditNotes.before(request, new RunAsked(date.toString(), who));
        SettlementRunDTO run = Results.unwrap(settlements.run(new SettlementRunCmd(date, who)));
        RunView view = new RunView(run.date().toString(), run.settlements().stream()
                .map(s -> new MerchantSettlementView(s.merchantId(), SettlementView.of(s, times))).toList());
        AuditNotes.after(request, view);
        return view;
    }
}
