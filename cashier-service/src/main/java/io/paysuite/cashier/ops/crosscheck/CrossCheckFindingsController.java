package io.paysuite.cashier.ops.crosscheck;

import io.paysuite.api.crosscheck.CrossCheckFindingDTO;
import io.paysuite.api.crosscheck.CrossCheckService;
import io.paysuite.api.crosscheck.FindingQry;
import io.paysuite.api.crosscheck.FindingStatus;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.cashier.api.error.Results;
import io.paysuite.cashier.api.Times;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal reconciliation's findings for operators ({@code /ops/api/v1}, behind the ops bearer token):
 * {@code GET /crosscheck/findings?status=OPEN|CLEARED&limit=…}, newest first — where a trade, its pay
 * orders, channel orders, refunds and journal entries disagree, with what each side says. Read from
 * accounting-service, which stores them.
 */
@RestController
@RequestMapping(path = "/ops/api/v1/crosscheck", produces = MediaType.APPLICATION_JSON_VALUE)
public class CrossCheckFindingsController {

    private static final int MAX_LIMIT = 500;

    public record FindingView(long findingId, String tradeNo, String kind, String subject, String sides, String status,
                              String firstSeen, String lastChecked, String clearedAt) {
    }

    public record FindingsView(List<FindingView> data) {
    }

    private final CrossCheckService crossCheck;
    private final Times times;

    public CrossCheckFindingsController(CrossCheckService crossCheck, Times times) {
        this.crossCheck = crossCheck;
        this.times = times;
    }

    @GetMapping("/findings")
    public FindingsView findings(@RequestParam(required = false) String status, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BizException(ErrorCode.PARAM_ERROR, "limit must be between 1 and " + MAX_LIMIT);
        }
        List<CrossCheckFindingDTO> found = Results.unwrap(crossCheck.findings(new FindingQry(status(status), limit)));
        return new FindingsView(found.stream().map(this::view).toList());
    }

    private FindingView view(CrossCheckFindingDTO f) {
        return new FindingView(f.findingId(), f.tradeNo(), f.kind().name(), f.subject(), f.sides(), f.status().name(),
                times.format(f.firstSeen()), times.format(f.lastChecked()), times.format(f.clearedAt()));
    }

    private static FindingStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return FindingStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BizException(ErrorCode.PARAM_ERROR, "status must be OPEN or CLEARED");
        }
    }
}
