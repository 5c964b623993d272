package io.paysuite.accounting.infra.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.paysuite.accounting.config.LedgerProperties;
import io.paysuite.accounting.ledger.LedgerLookups;
import io.paysuite.api.ledger.TrialBalanceDTO;
import io.paysuite.kit.metrics.QueriedGauge;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * {@code paysuite.ledger.trial.balanced{currency}}: 1 while total debits equal total credits over every account of
 * the currency, 0 otherwise — the ledger's first invariant, watched by the "unbalanced trial balance" alert. The same
 * sum the ops API's trial balance answers (every account), so at most once a minute per instance.
 */
@Component
public class TrialBalanceMetrics {

    public static final String BALANCED = "paysuite.ledger.trial.balanced";

    public TrialBalanceMetrics(MeterRegistry meters, LedgerLookups ledger, LedgerProperties properties, Clock clock) {
        for (String currency : properties.currencies()) {
            QueriedGauge.register(meters, BALANCED, "1 when the trial balance balances", Tags.of("currency", currency),
                    Duration.ofSeconds(60), clock, () -> {
                        TrialBalanceDTO trial = ledger.trialBalance(currency);
                        return trial.balanced() ? 1 : 0;
                    });
        }
    }
}
