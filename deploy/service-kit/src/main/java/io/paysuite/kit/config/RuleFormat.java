package io.paysuite.kit.config;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * How a rule document's text becomes typed rules: Jackson reads a JSON array of {@code E} and each
 * rule is checked; the first problem refuses the whole document (a half-applied rule set is worse
 * than the last good one).
 *
 * @param json   the mapper (naming strategy, leniency about unknown fields)
 * @param type   the rule type, e.g. {@code RoutingRule}
 * @param check  one rule's validation
 * @param <E>    the rule type
 */
public record RuleFormat<E>(ObjectMapper json, Class<E> type, RuleCheck<? super E> check) {

    /** A JSON array of {@code type}, each rule passing {@code check}. */
    public static <E> RuleFormat<E> listOf(Class<E> type, ObjectMapper json, RuleCheck<? super E> check) {
        return new RuleFormat<>(json, type, check);
    }

    /**
     * The rules in {@code text}.
     *
     * @throws IllegalArgumentException naming the problem: not JSON, not an array of rules, or a rule refused
     */
    public List<E> read(String text) {
        List<E> rules;
        try {
            JavaType listType = json.getTypeFactory().constructCollectionType(List.class, type);
            rules = json.readValue(text, listType);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a JSON array of " + type.getSimpleName() + ": " + firstLine(e.getMessage()));
        }
        if (rules == null) {
            throw new IllegalArgumentException("null is not a rule array (remove the document to restore the defaults)");
        }
        for (int i = 0; i < rules.size(); i++) {
            E rule = rules.get(i);
            String problem = rule == null ? "is null" : check.problemWith(rule);
            if (problem != null) {
                throw new IllegalArgumentException("rule #" + i + " " + problem);
            }
        }
        return List.copyOf(rules);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** One rule's validation. */
    @FunctionalInterface
    public interface RuleCheck<E> {

        /** What is wrong with {@code rule} (e.g. "has gray_percent 120, not 0..100"), or {@code null} when it may be applied. */
        String problemWith(E rule);
    }
}
