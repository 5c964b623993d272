package io.paysuite.pay.activity;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.pay.PayMinuteCountDTO;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Payments per minute for the ops console's dashboard, counted where the pay orders live (the honest source: every
 * pay order is opened here, whatever its method, unlike channel metrics that never see balance payments). The count
 * is the database's ({@link PayMinuteCounts}); this class bounds the window to a day so a dashboard poll never turns
 * into a scan of history.
 */
@Component
public class PayActivity {

    static final Duration MAX_WINDOW = Duration.ofDays(1);

    private final PayMinuteCounts counts;
    private final Clock clock;

    public PayActivity(PayMinuteCounts counts, Clock clock) {
        this.counts = counts;
        this.clock = clock;
    }

    public List<PayMinuteCountDTO> since(Instant since) {
        Instant now = clock.instant();
        if (since == null || since.isAfter(now) || since.isBefore(now.minus(MAX_WINDOW).minusSeconds(60))) {
            throw new BizException(ErrorCode.PARAM_ERROR, "since must be within the last day");
        }
        return counts.since(since.truncatedTo(ChronoUnit.MINUTES));
    }

    /** The pay orders' per-minute counts (infra: one grouped query over every shard). */
    public interface PayMinuteCounts {
        List<PayMinuteCountDTO> since(Instant since);
    }
}
