package io.paysuite.cashier.ops.risk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The lists inside pay-core's risk rule document: every array field of a {@code BLACKLIST} rule but its scope
 * ({@code methods}, {@code merchants}: which payments the rule looks at) is a list — {@code buyers}, {@code cards},
 * {@code devices}, {@code ips}, {@code listed_merchants}, and whatever list the engine learns next without a change
 * here. The lists are not a document of their
 * own: an edit rewrites that one field of the rule document and is saved like any other edit of the document, over
 * the version read, so a list edit and a rule edit made at once cannot lose each other. Which names the engine knows
 * is the engine's to say: pay-core refuses a document with an unknown parameter.
 */
final class RiskLists {

    static final String BLACKLIST = "BLACKLIST";
    /** Fields of a rule that are never a list, whatever their shape. */
    private static final Set<String> NOT_LISTS = Set.of("id", "kind", "action", "enabled", "methods", "merchants");
    private static final Pattern LIST_NAME = Pattern.compile("[a-z][a-z_]{0,31}");
    static final int MAX_ENTRIES = 10_000;
    static final int MAX_ENTRY = 128;

    record RiskList(String ruleId, String action, boolean enabled, String name, List<String> entries) {
    }

    private RiskLists() {
    }

    /** Every list of every blacklist rule, in document order; none when there is no document. */
    static List<RiskList> of(String document, ObjectMapper json) {
        List<RiskList> lists = new ArrayList<>();
        if (document == null || document.isBlank()) {
            return lists;
        }
        for (JsonNode rule : rules(read(document, json))) {
            if (!BLACKLIST.equals(rule.path("kind").asText())) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = rule.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isArray() && !NOT_LISTS.contains(field.getKey())) {
                    List<String> entries = new ArrayList<>();
                    field.getValue().forEach(e -> entries.add(e.asText()));
                    lists.add(new RiskList(rule.path("id").asText(), rule.path("action").asText(),
                            rule.path("enabled").asBoolean(true), field.getKey(), entries));
                }
            }
        }
        return lists;
    }

    /**
     * The document with list {@code name} of blacklist rule {@code ruleId} set to {@code entries} (trimmed, blanks and
     * repeats dropped, order kept); every other field and rule as it was.
     *
     * @throws IllegalArgumentException naming what is wrong: no such blacklist rule, a name that is not a list's, an
     *                                  entry too long or too many
     */
    static String withEntries(String document, String ruleId, String name, List<String> entries, ObjectMapper json) {
        if (name == null || !LIST_NAME.matcher(name).matches() || NOT_LISTS.contains(name)) {
            throw new IllegalArgumentException("list name must be a blacklist rule's list (buyers, cards, devices, ips, …): " + name);
        }
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("a list holds at most " + MAX_ENTRIES + " entries");
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String entry : entries) {
            String value = entry == null ? "" : entry.strip();
            if (value.length() > MAX_ENTRY) {
                throw new IllegalArgumentException("an entry is at most " + MAX_ENTRY + " characters: " + value.substring(0, 20) + "…");
            }
            if (!value.isEmpty()) {
                kept.add(value);
            }
        }
        JsonNode root = document == null || document.isBlank() ? null : read(document, json);
        for (JsonNode rule : rules(root)) {
            if (ruleId.equals(rule.path("id").asText()) && BLACKLIST.equals(rule.path("kind").asText())) {
                ArrayNode list = ((ObjectNode) rule).putArray(name);
                kept.forEach(list::add);
                try {
                    return json.writeValueAsString(root);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("a tree just read writes back", e);
                }
            }
        }
        throw new IllegalArgumentException("no BLACKLIST rule with id " + ruleId + " in the risk rule document");
    }

    private static JsonNode read(String document, ObjectMapper json) {
        try {
            return json.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the risk rule document in force does not read as JSON", e);
        }
    }

    private static List<JsonNode> rules(JsonNode root) {
        List<JsonNode> rules = new ArrayList<>();
        if (root != null && root.path("rules").isArray()) {
            root.path("rules").forEach(rule -> {
                if (rule.isObject()) {
                    rules.add(rule);
                }
            });
        }
        return rules;
    }
}
