package io.paysuite.pay.provider;

import io.paysuite.api.ApiVersion;
import io.paysuite.api.common.Result;
import io.paysuite.api.risk.ReplaceRiskRulesCmd;
import io.paysuite.api.risk.RiskDecisionDTO;
import io.paysuite.api.risk.RiskDecisionQry;
import io.paysuite.api.risk.RiskRulesDTO;
import io.paysuite.api.risk.RiskService;
import io.paysuite.pay.risk.RiskDecisions;
import io.paysuite.pay.risk.RiskRulePublisher;
import io.paysuite.pay.risk.RiskRuleSource;
import io.paysuite.pay.risk.RiskRules;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

/**
 * {@link RiskService} over Dubbo, for the ops API: nothing here moves money (screening is inside
 * {@code pay}), so it is not behind the internal-caller guard; the ops API's token guards who asks.
 */
@DubboService(version = ApiVersion.DUBBO, timeout = 5000)
public class RiskServiceProvider implements RiskService {

    private final RiskRuleSource source;
    private final RiskDecisions decisions;
    private final RiskRulePublisher publisher;

    public RiskServiceProvider(RiskRuleSource source, RiskDecisions decisions, RiskRulePublisher publisher) {
        this.source = source;
        this.decisions = decisions;
        this.publisher = publisher;
    }

    @Override
    public Result<RiskRulesDTO> rules() {
        RiskRulePublisher.Editable editable = publisher.editable();
        return Result.ok(dto(editable.rules(), editable.version()));
    }

    @Override
    public Result<List<RiskDecisionDTO>> recentDecisions(RiskDecisionQry qry) {
        return Result.ok(decisions.recent(qry == null ? new RiskDecisionQry(50, null, null, null, null) : qry));
    }

    @Override
    public Result<RiskRulesDTO> replaceRules(ReplaceRiskRulesCmd cmd) {
        RiskRulePublisher.Published published = publisher.publish(cmd.document(), cmd.expectedVersion(), cmd.operator());
        return Result.ok(dto(published.rules(), published.version()));
    }

    private RiskRulesDTO dto(RiskRules rules, String version) {
        RiskRuleSource.Refused refused = source.refused();
        return refused == null ? new RiskRulesDTO(rules.document(), source.path(), rules.loadedAt(), rules.ids(), version)
                : new RiskRulesDTO(rules.document(), source.path(), rules.loadedAt(), rules.ids(), version, refused.text(),
                        refused.reason(), refused.at());
    }
}
