package io.paysuite.pay.infra.risk;

import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.risk.RiskAction;
import io.paysuite.api.risk.RiskDecisionDTO;
import io.paysuite.api.risk.RiskDecisionQry;
import io.paysuite.kit.sharding.ShardReads;
import io.paysuite.pay.risk.RiskDecision;
import io.paysuite.pay.risk.RiskDecisions;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * {@link RiskDecisions} over {@code risk_decision}: one insert per decision; ALLOW decisions with no rule
 * fired or failed are written at {@code paysuite.risk.allow-sample-rate} (every REVIEW, BLOCK, fired or
 * failed rule is written). Times are UTC, texts cut to their columns. A single table (ds_0 only): each statement, in
 * auto-commit, goes straight to ds_0's pool ({@link ShardReads#onSingleTable}).
 */
public class MyBatisRiskDecisions implements RiskDecisions {

    static final String TABLE = "risk_decision";

    private final RiskDecisionMapper mapper;
    private final double allowSampleRate;
    private final DoubleSupplier draw;
    private final ShardReads shards;

    public MyBatisRiskDecisions(RiskDecisionMapper mapper, double allowSampleRate) {
        this(mapper, allowSampleRate, ShardReads.THROUGH_SHARDING);
    }

    public MyBatisRiskDecisions(RiskDecisionMapper mapper, double allowSampleRate, ShardReads shards) {
        this(mapper, allowSampleRate, () -> ThreadLocalRandom.current().nextDouble(), shards);
    }

    /** @param draw a uniform number in [0, 1) per plain ALLOW: it is written when the number is below the rate */
    MyBatisRiskDecisions(RiskDecisionMapper mapper, double allowSampleRate, DoubleSupplier draw) {
        this(mapper, allowSampleRate, draw, ShardReads.THROUGH_SHARDING);
    }

    MyBatisRiskDecisions(RiskDecisionMapper mapper, double allowSampleRate, DoubleSupplier draw, ShardReads shards) {
        this.mapper = mapper;
        this.allowSampleRate = allowSampleRate;
        this.draw = draw;
        this.shards = shards;
    }

    @Override
    public void record(RiskDecision decision) {
        boolean plainAllow = decision.action() == RiskAction.ALLOW && decision.fired().isEmpty() && decision.failed().isEmpty();
        if (plainAllow && allowSampleRate < 1.0 && draw.getAsDouble() >= allowSampleRate) {
            return;
        }
        var in = decision.input();
        RiskDecisionDO row = new RiskDecisionDO();
        row.setTradeNo(in.tradeNo());
        row.setRequestNo(cut(in.requestNo(), 64));
        row.setBuyerId(in.buyerId());
        row.setMerchantId(in.merchantId());
        row.setMethod(in.method().name());
        row.setAmountMinor(in.amountMinor());
        row.setCurrency(in.currency());
        row.setVerdict(decision.action().name());
        row.setFiredRules(cut(String.join(",", decision.fired()), 1000));
        row.setFailedRules(cut(String.join(",", decision.failed()), 500));
        row.setInputs(cut(decision.inputs(), 1000));
        row.setDecidedAt(LocalDateTime.ofInstant(in.at(), ZoneOffset.UTC));
        shards.onSingleTable(TABLE, () -> mapper.insert(row));
    }

    @Override
    public boolean askedToStepUp(String tradeNo, String requestNo, String buyerId, PayMethod method, Instant since) {
        LocalDateTime from = LocalDateTime.ofInstant(since, ZoneOffset.UTC);
        return shards.onSingleTable(TABLE, () -> mapper.reviews(tradeNo, requestNo, buyerId, method.name(), from)) > 0;
    }

    @Override
    public List<RiskDecisionDTO> recent(RiskDecisionQry qry) {
        String action = qry.action() == null ? null : qry.action().name();
        return shards.onSingleTable(TABLE, () -> mapper.recent(qry.buyerId(), qry.merchantId(), qry.tradeNo(), action,
                qry.cappedLimit())).stream().map(MyBatisRiskDecisions::dto).toList();
    }

    private static RiskDecisionDTO dto(RiskDecisionDO row) {
        return new RiskDecisionDTO(row.getId(), row.getTradeNo(), row.getRequestNo(), row.getBuyerId(), row.getMerchantId(),
                PayMethod.valueOf(row.getMethod()), row.getAmountMinor(), row.getCurrency(), RiskAction.valueOf(row.getVerdict()),
                list(row.getFiredRules()), list(row.getFailedRules()), row.getInputs(),
                row.getDecidedAt() == null ? null : row.getDecidedAt().toInstant(ZoneOffset.UTC));
    }

    private static List<String> list(String joined) {
        // fired entries look like id[ACTION: why] and may hold commas only inside the brackets
        return joined == null || joined.isBlank() ? List.of() : Arrays.stream(joined.split(",(?![^\\[]*\\])")).toList();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
