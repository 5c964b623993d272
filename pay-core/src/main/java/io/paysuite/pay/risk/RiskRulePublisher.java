package io.paysuite.pay.risk;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the rule document for operators: it must parse and every rule must be usable (stricter than
 * loading, which keeps a document's good rules when one is broken), then it goes to the config center.
 */
public class RiskRulePublisher {

    private static final Logger log = LoggerFactory.getLogger(RiskRulePublisher.class);

    private final RiskRuleSource source;
    private final Clock clock;

    public RiskRulePublisher(RiskRuleSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    public RiskRules publish(String document, String operator) {
        RiskRules parsed;
        try {
            parsed = RiskRules.parse(document, clock.instant());
        } catch (RiskRules.Invalid invalid) {
            throw new BizException(ErrorCode.PARAM_ERROR, "risk rules refused: " + invalid.getMessage());
        }
        if (parsed.document() == null) {
            throw new BizException(ErrorCode.PARAM_ERROR, "risk rules refused: the document is empty");
        }
        if (!parsed.problems().isEmpty()) {
            throw new BizException(ErrorCode.PARAM_ERROR, "risk rules refused: " + String.join("; ", parsed.problems()));
        }
        source.publish(document);
        log.info("risk rules version {} ({} rules) published to {} by {}", parsed.version(), parsed.rules().size(),
                source.path(), operator);
        return parsed;
    }
}
