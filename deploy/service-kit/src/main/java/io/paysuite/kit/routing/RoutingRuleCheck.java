package io.paysuite.kit.routing;

import io.paysuite.kit.config.RuleFormat;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What a routing rule must be before it is put in force (the schema in {@code docs/operations.md},
 * "Run-time rules"): a channel and a method that channel serves, a gray percentage within 0..100,
 * no negative fee or amount, {@code min_minor <= max_minor}, a window given by both ends as
 * {@code HH:mm}, currencies as ISO 4217 codes. A rule that fails refuses the whole document. The
 * messages are what operators read in the gateway's refusal log line and in the ops console.
 */
public final class RoutingRuleCheck implements RuleFormat.RuleCheck<RoutingRule> {

    @Override
    public String problemWith(RoutingRule rule) {
        if (rule.channel() == null || rule.method() == null) {
            return "has no channel or no method";
        }
        if (!RoutingRule.serves(rule.channel(), rule.method())) {
            return "routes " + rule.method() + " to " + rule.channel() + ", which does not serve it";
        }
        if (rule.grayPercent() != null && (rule.grayPercent() < 0 || rule.grayPercent() > 100)) {
            return "has gray_percent " + rule.grayPercent() + ", not 0..100";
        }
        if (negative(rule.feeBps()) || negative(rule.feeFixedMinor()) || negative(rule.minMinor()) || negative(rule.maxMinor())) {
            return "has a negative fee or amount";
        }
        if (rule.minMinor() != null && rule.maxMinor() != null && rule.minMinor() > rule.maxMinor()) {
            return "has min_minor " + rule.minMinor() + " above max_minor " + rule.maxMinor();
        }
        if ((rule.windowFrom() == null) != (rule.windowTo() == null)) {
            return "has only one end of its window";
        }
        if (rule.windowFrom() != null && (!time(rule.windowFrom()) || !time(rule.windowTo()))) {
            return "has a window end that is not HH:mm";
        }
        List<String> currencies = rule.currencies() == null ? List.of() : rule.currencies();
        if (currencies.stream().anyMatch(code -> code == null || !code.matches("[A-Z]{3}"))) {
            return "has a currency that is not an ISO 4217 code";
        }
        return null;
    }

    private static boolean negative(Number value) {
        return value != null && value.longValue() < 0;
    }

    private static boolean time(String text) {
        try {
            LocalTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
