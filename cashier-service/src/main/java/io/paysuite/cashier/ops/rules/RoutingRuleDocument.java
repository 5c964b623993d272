package io.paysuite.cashier.ops.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.kit.routing.RoutingRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * channel-gateway's routing rule document — a JSON array of rules, one per channel and method, snake_case (the format
 * {@link RoutingRule#FORMAT} reads) — checked before it is saved, and compared with the one in force.
 *
 * <p>The gateway keeps the rules in force when a document does not parse, but it ignores fields it does not know: a
 * typo such as {@code grey_percent} would be saved and silently do nothing. So the console refuses unknown fields,
 * values out of range and a second rule for the same channel and method, and shows the change field by field.
 */
public final class RoutingRuleDocument {

    private static final Set<String> FIELDS = Set.of("channel", "method", "enabled", "currencies", "min_minor", "max_minor",
            "merchants_allow", "merchants_deny", "window_from", "window_to", "fee_bps", "fee_fixed_minor", "gray_percent");
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** One field of one rule that differs; {@code before} null: added; {@code after} null: removed. */
    public record Change(String rule, String field, JsonNode before, JsonNode after) {
    }

    private final ArrayNode rules;

    private RoutingRuleDocument(ArrayNode rules) {
        this.rules = rules;
    }

    public static RoutingRuleDocument empty(ObjectMapper json) {
        return new RoutingRuleDocument(json.createArrayNode());
    }

    /** The document as stored (an absent or blank node reads as no rules); throws if it is not a JSON array. */
    public static RoutingRuleDocument read(String text, ObjectMapper json) {
        try {
            JsonNode tree = text == null || text.isBlank() ? json.createArrayNode() : json.readTree(text);
            if (!(tree instanceof ArrayNode array)) {
                throw new IllegalArgumentException("the routing rules are not a JSON array");
            }
            return new RoutingRuleDocument(array);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the routing rules are not JSON: " + e.getOriginalMessage());
        }
    }

    public static RoutingRuleDocument of(JsonNode rules) {
        if (!(rules instanceof ArrayNode array)) {
            throw new IllegalArgumentException("rules must be a JSON array");
        }
        return new RoutingRuleDocument(array.deepCopy());
    }

    public ArrayNode rules() {
        return rules;
    }

    /** What is wrong with the document, one message per problem; empty if it may be saved. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            String at = "rule " + (i + 1);
            if (!rule.isObject()) {
                problems.add(at + ": not an object");
                continue;
            }
            for (Iterator<String> names = rule.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    problems.add(at + ": unknown field " + name);
                }
            }
            String channel = rule.path("channel").asText("");
            String method = rule.path("method").asText("");
            if (Arrays.stream(ChannelCode.values()).noneMatch(c -> c.name().equals(channel))) {
                problems.add(at + ": channel must be one of " + Arrays.toString(ChannelCode.values()));
            }
            if (Arrays.stream(PayMethod.values()).noneMatch(m -> m.name().equals(method))) {
                problems.add(at + ": method must be one of " + Arrays.toString(PayMethod.values()));
            }
            if (RoutingRule.DEFAULTS.stream().anyMatch(served -> served.channel().name().equals(channel))
                    && Arrays.stream(PayMethod.values()).anyMatch(m -> m.name().equals(method))
                    && !RoutingRule.serves(ChannelCode.valueOf(channel), PayMethod.valueOf(method))) {
                // the gateway would refuse the whole document and keep its previous rules
                problems.add(at + ": " + channel + " does not serve " + method);
            }
            if (!keys.add(channel + "/" + method)) {
                problems.add(at + ": a second rule for " + channel + " " + method);
            }
            if (rule.has("enabled") && !rule.get("enabled").isBoolean()) {
                problems.add(at + ": enabled must be true or false");
            }
            range(rule, "gray_percent", 0, 100, at, problems);
            range(rule, "fee_bps", 0, 10_000, at, problems);
            range(rule, "fee_fixed_minor", 0, Long.MAX_VALUE, at, problems);
            range(rule, "min_minor", 0, Long.MAX_VALUE, at, problems);
            range(rule, "max_minor", 0, Long.MAX_VALUE, at, problems);
            if (rule.path("min_minor").canConvertToLong() && rule.path("max_minor").canConvertToLong()
                    && rule.get("min_minor").asLong() > rule.get("max_minor").asLong()) {
                problems.add(at + ": min_minor is above max_minor");
            }
            for (String window : List.of("window_from", "window_to")) {
                if (rule.has(window) && !rule.get(window).isNull() && !TIME.matcher(rule.get(window).asText()).matches()) {
                    problems.add(at + ": " + window + " must be HH:mm");
                }
            }
            if (rule.has("window_from") != rule.has("window_to")) {
                problems.add(at + ": window_from and window_to go together");
            }
            texts(rule, "currencies", CURRENCY, at, problems);
            texts(rule, "merchants_allow", null, at, problems);
            texts(rule, "merchants_deny", null, at, problems);
        }
        return problems;
    }

    /** Field by field, what {@code next} changes in this document; rules are matched by channel and method. */
    public List<Change> changesTo(RoutingRuleDocument next) {
        Map<String, JsonNode> before = byKey(rules);
        Map<String, JsonNode> after = byKey(next.rules);
        List<Change> changes = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            JsonNode was = before.get(key);
            JsonNode now = after.get(key);
            if (was == null) {
                changes.add(new Change(key, "*", null, now));
            } else if (now == null) {
                changes.add(new Change(key, "*", was, null));
            } else {
                Set<String> fields = new LinkedHashSet<>();
                was.fieldNames().forEachRemaining(fields::add);
                now.fieldNames().forEachRemaining(fields::add);
                for (String field : fields) {
                    if (!Objects.equals(was.get(field), now.get(field))) {
                        changes.add(new Change(key, field, was.get(field), now.get(field)));
                    }
                }
            }
        }
        return changes;
    }

    private static Map<String, JsonNode> byKey(ArrayNode rules) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode rule : rules) {
            byKey.put(rule.path("channel").asText("?") + "/" + rule.path("method").asText("?"), rule);
        }
        return byKey;
    }

    private static void range(JsonNode rule, String field, long min, long max, String at, List<String> problems) {
        JsonNode value = rule.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            problems.add(at + ": " + field + " must be a whole number from " + min + (max == Long.MAX_VALUE ? " up" : " to " + max));
        }
    }

    private static void texts(JsonNode rule, String field, Pattern each, String at, List<String> problems) {
        JsonNode value = rule.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isArray()) {
            problems.add(at + ": " + field + " must be a list");
            return;
        }
        for (JsonNode item : value) {
            if (!item.isTextual() || (each != null && !each.matcher(item.asText()).matches())) {
                problems.add(at + ": " + field + " has an invalid entry " + item);
            }
        }
    }
}
