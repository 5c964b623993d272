package io.paysuite.pay.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.risk.RiskAction;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The risk rule document (docs/architecture.md, "Risk rules"): one JSON object in the config center,
 * <pre>
 * {"version": 3, "rules": [
 *   {"id": "card-single", "kind": "SINGLE_LIMIT", "action": "BLOCK", "methods": ["BANK_CARD"], "max_amount": 500000},
 *   {"id": "shop-single", "kind": "SINGLE_LIMIT", "action": "REVIEW", "merchants": ["M100001"], "max_amount": 100000},
 *   {"id": "buyer-day", "kind": "DAILY_LIMIT", "action": "REVIEW", "subject": "BUYER", "max_amount": 2000000},
 *   {"id": "buyer-minute", "kind": "VELOCITY", "action": "BLOCK", "subject": "BUYER", "window": "MINUTE", "max_count": 5},
 *   {"id": "lists", "kind": "BLACKLIST", "action": "BLOCK", "buyers": [], "listed_merchants": [], "cards": [], "devices": [], "ips": []},
 *   {"id": "jump", "kind": "AMOUNT_JUMP", "action": "REVIEW", "factor": 5, "min_history": 3},
 *   {"id": "device-cards", "kind": "CARDS_PER_DEVICE", "action": "REVIEW", "max_cards": 3}]}
 * </pre>
 * Parsed with Jackson's tree model (already on the classpath; a rule's parameters depend on its kind, which
 * a tree reads more plainly than polymorphic binding). A document that is not such an object, or a rule
 * without an id, with a repeated id or without a known action, is refused whole ({@link Invalid}); a rule
 * with a known action but an unknown kind or bad parameters becomes {@link RiskRule.Unusable} so that one
 * mistake does not switch every other rule off — {@link #problems()} names them and the ops API refuses
 * to write a document that has any.
 */
public record RiskRules(String document, long version, List<RiskRule> rules, Instant loadedAt) {

    /** No document: no rule, every payment allowed. */
    public static final RiskRules NONE = new RiskRules(null, 0, List.of(), Instant.EPOCH);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A document refused whole. */
    public static final class Invalid extends IllegalArgumentException {
        public Invalid(String message) {
            super(message);
        }
    }

    public RiskRules {
        rules = List.copyOf(rules);
    }

    public static RiskRules parse(String document, Instant loadedAt) {
        if (document == null || document.isBlank()) {
            return new RiskRules(null, 0, List.of(), loadedAt);
        }
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Invalid("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("rules").isArray()) {
            throw new Invalid("the document must be an object with a \"rules\" array");
        }
        Set<String> ids = new HashSet<>();
        List<RiskRule> rules = new java.util.ArrayList<>();
        for (JsonNode node : root.get("rules")) {
            String id = node.path("id").asText("");
            if (id.isBlank()) {
                throw new Invalid("a rule without an id: " + node);
            }
            if (!ids.add(id)) {
                throw new Invalid("rule id " + id + " is used twice");
            }
            RiskAction action = named(node, "action", RiskAction::valueOf);
            if (action == null) {
                throw new Invalid("rule " + id + ": action must be ALLOW, REVIEW or BLOCK");
            }
            if (node.path("enabled").asBoolean(true)) {
                rules.add(rule(id, action, node));
            }
        }
        return new RiskRules(document, root.path("version").asLong(0), rules, loadedAt);
    }

    /** The rules that cannot be evaluated, each with its problem; empty for a document fit to publish. */
    public List<String> problems() {
        return rules.stream().filter(RiskRule.Unusable.class::isInstance).map(RiskRule.Unusable.class::cast)
                .map(r -> r.id() + ": " + r.problem()).toList();
    }

    public boolean needsTallies() {
        return rules.stream().anyMatch(RiskRule::needsTallies);
    }

    public List<String> ids() {
        return rules.stream().map(RiskRule::id).toList();
    }

    private static RiskRule rule(String id, RiskAction action, JsonNode node) {
        RiskScope scope;
        try {
            scope = new RiskScope(methods(node), texts(node, "merchants"));
        } catch (IllegalArgumentException e) {
            return new RiskRule.Unusable(id, action, RiskScope.ALL, e.getMessage());
        }
        String kind = node.path("kind").asText("").toUpperCase(Locale.ROOT);
        try {
            return switch (kind) {
                case "SINGLE_LIMIT" -> new RiskRule.SingleLimit(id, action, scope, positive(node, "max_amount"));
                case "DAILY_LIMIT" -> new RiskRule.DailyLimit(id, action, scope,
                        subject(node, EnumSet.of(RiskSubject.BUYER, RiskSubject.MERCHANT)), positive(node, "max_amount"));
                case "VELOCITY" -> new RiskRule.Velocity(id, action, scope,
                        subject(node, EnumSet.of(RiskSubject.BUYER, RiskSubject.DEVICE, RiskSubject.IP)),
                        required(node, "window", RiskWindow::valueOf, "MINUTE or DAY"), positive(node, "max_count"));
                case "BLACKLIST" -> blacklist(id, action, scope, node);
                case "AMOUNT_JUMP" -> {
                    double factor = node.path("factor").asDouble(0);
                    if (!(factor > 1)) {
                        throw new IllegalArgumentException("factor must be a number above 1");
                    }
                    yield new RiskRule.AmountJump(id, action, scope, factor, positive(node, "min_history"));
                }
                case "CARDS_PER_DEVICE" -> new RiskRule.CardsPerDevice(id, action, scope, positive(node, "max_cards"));
                default -> throw new IllegalArgumentException("unknown kind '" + kind + "'");
            };
        } catch (IllegalArgumentException e) {
            return new RiskRule.Unusable(id, action, scope, e.getMessage());
        }
    }

    private static RiskRule blacklist(String id, RiskAction action, RiskScope scope, JsonNode node) {
        Set<String> buyers = texts(node, "buyers");
        Set<String> merchants = texts(node, "listed_merchants");
        Set<String> cards = texts(node, "cards");
        Set<String> devices = texts(node, "devices");
        Set<String> ips = texts(node, "ips");
        return new RiskRule.Blacklist(id, action, scope, buyers, merchants, cards, devices, ips);
    }

    private static Set<PayMethod> methods(JsonNode node) {
        JsonNode list = node.path("methods");
        if (list.isMissingNode() || list.isNull()) {
            return Set.of();
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException("methods must be a list of payment methods");
        }
        Set<PayMethod> methods = EnumSet.noneOf(PayMethod.class);
        for (JsonNode m : list) {
            try {
                methods.add(PayMethod.valueOf(m.asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown method '" + m.asText() + "'");
            }
        }
        return Set.copyOf(methods);
    }

    private static Set<String> texts(JsonNode node, String field) {
        JsonNode list = node.path(field);
        if (list.isMissingNode() || list.isNull()) {
            return Set.of();
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException(field + " must be a list");
        }
        Set<String> values = new LinkedHashSet<>();
        list.forEach(v -> values.add(v.asText()));
        return Set.copyOf(values);
    }

    private static RiskSubject subject(JsonNode node, Set<RiskSubject> allowed) {
        RiskSubject subject = required(node, "subject", RiskSubject::valueOf, allowed.toString());
        if (!allowed.contains(subject)) {
            throw new IllegalArgumentException("subject must be one of " + allowed);
        }
        return subject;
    }

    private static long positive(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() <= 0) {
            throw new IllegalArgumentException(field + " must be a positive integer");
        }
        return value.asLong();
    }

    private static <E> E required(JsonNode node, String field, Function<String, E> parse, String expected) {
        E value = named(node, field, parse);
        if (value == null) {
            throw new IllegalArgumentException(field + " must be " + expected);
        }
        return value;
    }

    private static <E> E named(JsonNode node, String field, Function<String, E> parse) {
        String text = node.path(field).asText("");
        try {
            return text.isBlank() ? null : parse.apply(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
