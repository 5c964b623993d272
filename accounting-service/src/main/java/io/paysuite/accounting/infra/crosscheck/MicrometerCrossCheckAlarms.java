package io.paysuite.accounting.infra.crosscheck;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.paysuite.accounting.crosscheck.CrossCheckAlarms;
import io.paysuite.accounting.crosscheck.CrossCheckFindings;
import io.paysuite.accounting.crosscheck.Disagreement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A disagreement as operators' alerting sees it: {@code paysuite_crosscheck_disagreements_total} by
 * {@code kind} counts each newly opened finding once (a finding still open at the next check does not
 * count again), {@code paysuite_crosscheck_open_findings} is the number OPEN now (read from the
 * findings table at each scrape, so every instance reports the same figure), and an {@code ALARM}
 * log line names the trade and what each side says.
 */
@Component
public class MicrometerCrossCheckAlarms implements CrossCheckAlarms {

    static final String DISAGREEMENTS = "paysuite.crosscheck.disagreements";
    static final String OPEN = "paysuite.crosscheck.open.findings";
    private static final Logger log = LoggerFactory.getLogger(MicrometerCrossCheckAlarms.class);

    private final MeterRegistry meters;

    public MicrometerCrossCheckAlarms(MeterRegistry meters, CrossCheckFindings findings) {
        this.meters = meters;
        Gauge.builder(OPEN, findings, CrossCheckFindings::openCount)
                .description("internal reconciliation findings OPEN now").register(meters);
    }

    @Override
    public void raised(Disagreement disagreement, boolean newlyOpened) {
        if (newlyOpened) {
            Counter.builder(DISAGREEMENTS).tag("kind", disagreement.kind().name())
                    .description("disagreements internal reconciliation found among a trade's records").register(meters).increment();
            log.error("ALARM: internal reconciliation: trade {} {} on {}: {}", disagreement.tradeNo(), disagreement.kind(),
                    disagreement.subject(), disagreement.sides());
        } else {
            log.warn("internal reconciliation: trade {} still {} on {}: {}", disagreement.tradeNo(), disagreement.kind(),
                    disagreement.subject(), disagreement.sides());
        }
    }

    @Override
    public void cleared(String tradeNo, String findingKey) {
        log.info("internal reconciliation: trade {} agrees again, {} cleared", tradeNo, findingKey);
    }
}
