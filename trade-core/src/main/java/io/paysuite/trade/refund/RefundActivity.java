package io.paysuite.trade.refund;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.refund.RefundMinuteCountDTO;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Refunds per minute for the ops console's dashboard, counted where every refund is accepted (whatever channel or
 * balance pays it back). The count is the database's ({@link RefundMinuteCounts}); this class bounds the window to a
 * day so a dashboard poll never turns into a scan of history (pay-core's {@code PayActivity} does the same for pay
 * orders).
 */
@Component
public class RefundActivity {

    static final Duration MAX_WINDOW = Duration.ofDays(1);

    private final RefundMinuteCounts counts;
    private final Clock clock;

    public RefundActivity(RefundMinuteCounts counts, Clock clock) {
        this.counts = counts;
        this.clock = clock;
    }

    public List<RefundMinuteCountDTO> since(Instant since) {
        Instant now = clock.instant();
        if (since == null || since.isAfter(now) || since.isBefore(now.minus(MAX_WINDOW).minusSeconds(60))) {
            throw new BizException(ErrorCode.PARAM_ERROR, "since must be within the last day");
        }
        return counts.since(since.truncatedTo(ChronoUnit.MINUTES));
    }

    /** The refunds' per-minute counts (infra: one grouped query over every shard). */
    public interface RefundMinuteCounts {
        List<RefundMinuteCountDTO> since(Instant since);
    }
}
