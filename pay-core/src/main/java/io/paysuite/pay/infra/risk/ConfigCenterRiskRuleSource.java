package io.paysuite.pay.infra.risk;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.kit.config.ConfigCenter;
import io.paysuite.pay.risk.RiskRuleSource;
import io.paysuite.pay.risk.RiskRules;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The risk rule document from the config center ({@code paysuite.risk.rules-key}, default
 * {@code pay-core/risk-rules}), through the kit's {@link ConfigCenter} like every other run-time rule — ZooKeeper
 * in the embedded run, Nacos in production — and applied without a restart. The risk document keeps its own
 * parser ({@link RiskRules#parse}) rather than the kit's {@code RuleSource}: it is one object with a version and
 * rules of several kinds, and a rule that cannot be evaluated is loaded as unusable (reported, the others apply)
 * instead of refusing the whole document. A document that does not parse is logged at ERROR and the last good
 * one stays; a removed document means no rules.
 */
public class ConfigCenterRiskRuleSource implements RiskRuleSource, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConfigCenterRiskRuleSource.class);

    private final ConfigCenter center;
    private final RiskProperties properties;
    private final Clock clock;
    private final List<Consumer<RiskRules>> listeners = new CopyOnWriteArrayList<>();
    private volatile RiskRules current = RiskRules.NONE;
    private volatile Refused refused;
    private volatile ConfigCenter.Subscription subscription;

    public ConfigCenterRiskRuleSource(ConfigCenter center, RiskProperties properties, Clock clock) {
        this.center = center;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public RiskRules current() {
        return current;
    }

    @Override
    public Refused refused() {
        return refused;
    }

    @Override
    public void onChange(Consumer<RiskRules> listener) {
        listeners.add(listener);
    }

    @Override
    public String path() {
        return properties.rulesKey();
    }

    @Override
    public Stored stored() {
        ConfigCenter.Versioned read;
        try {
            read = center.readVersioned(properties.rulesKey());
        } catch (RuntimeException e) {
            throw new BizException(ErrorCode.SERVICE_DEGRADED, "the config center cannot be read: " + e.getMessage());
        }
        return new Stored(read.text(), read.version());
    }

    @Override
    public Optional<String> publishIfUnchanged(String document, String expectedVersion) {
        try {
            return center.publishIfUnchanged(properties.rulesKey(), document, expectedVersion);
        } catch (RuntimeException e) {
            throw new BizException(ErrorCode.SERVICE_DEGRADED, "the config center cannot be written: " + e.getMessage());
        }
    }

    /** Applies a document as read; a refused one keeps the rules in force. */
    void load(String document) {
        try {
            RiskRules next = RiskRules.parse(document, clock.instant());
            current = next;
            refused = null;
            if (!next.problems().isEmpty()) {
                log.error("ALARM: risk rules version {} at {} have rules that cannot be evaluated (the others apply): {}",
                        next.version(), properties.rulesKey(), next.problems());
            }
            log.info("risk rules now version {}: {}", next.version(), next.ids());
            listeners.forEach(listener -> listener.accept(next));
        } catch (RiskRules.Invalid invalid) {
            refused = new Refused(document, invalid.getMessage(), clock.instant());
            log.error("ALARM: risk rules at {} refused; keeping version {}: {}", properties.rulesKey(), current.version(),
                    invalid.getMessage());
        }
    }

    @Override
    public void start() {
        // subscribe first, then read: no change can fall between the two (one text may be applied twice)
        subscription = center.subscribe(properties.rulesKey(), this::load);
        try {
            center.read(properties.rulesKey()).ifPresent(this::load);
        } catch (RuntimeException unreachable) {
            log.warn("risk rules at {} not read at start ({}); they apply once the config center answers",
                    center.describe(), unreachable.toString());
        }
    }

    @Override
    public void stop() {
        ConfigCenter.Subscription s = subscription;
        if (s != null) {
            s.close();
            subscription = null;
        }
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }
}
