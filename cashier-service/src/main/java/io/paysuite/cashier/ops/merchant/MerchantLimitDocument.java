package io.paysuite.cashier.ops.merchant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paysuite.cashier.api.limit.MerchantFlowRules;
import io.paysuite.cashier.api.limit.MerchantRateLimiter;
import java.util.Iterator;

/**
 * The merchants' rate limits as the open API enforces them: a JSON array of Sentinel parameter flow rules on resource
 * {@code open-api} ({@link MerchantFlowRules}), where a merchant's own limit is a {@code paramFlowItemList} entry
 * ({@code {"object": merchant, "classType": "java.lang.String", "count": qps}}) and the rule's {@code count} is every
 * other merchant's. Editing one merchant's limit touches only its entry and keeps the rest of the document as it is.
 */
final class MerchantLimitDocument {

    private final ArrayNode rules;
    private final int defaultQps;

    private MerchantLimitDocument(ArrayNode rules, int defaultQps) {
        this.rules = rules;
        this.defaultQps = defaultQps;
    }

    /** The stored document, or none ({@code null}: every merchant at {@code defaultQps}). */
    static MerchantLimitDocument read(String text, int defaultQps, ObjectMapper json) {
        if (text == null || text.isBlank()) {
            return new MerchantLimitDocument(json.createArrayNode(), defaultQps);
        }
        try {
            JsonNode tree = json.readTree(text);
            if (!(tree instanceof ArrayNode array)) {
                throw new IllegalArgumentException("the rate-limit rules are not a JSON array");
            }
            return new MerchantLimitDocument(array, defaultQps);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the rate-limit rules are not JSON: " + e.getOriginalMessage());
        }
    }

    /** The merchant's own limit, or null when it has the default one. */
    Integer ownQps(String merchantId) {
        ObjectNode rule = rule();
        if (rule == null) {
            return null;
        }
        for (JsonNode item : rule.path("paramFlowItemList")) {
            if (merchantId.equals(item.path("object").asText(null))) {
                return item.path("count").asInt();
            }
        }
        return null;
    }

    /** What every merchant without its own limit gets. */
    int defaultQps() {
        ObjectNode rule = rule();
        return rule == null ? defaultQps : rule.path("count").asInt(defaultQps);
    }

    /** The document with the merchant's own limit set ({@code qps} null: back to the default), checked as the gateway would. */
    String withLimit(String merchantId, Integer qps, ObjectMapper json) {
        ArrayNode next = rules.deepCopy();
        ObjectNode rule = null;
        for (JsonNode r : next) {
            if (r instanceof ObjectNode o && MerchantRateLimiter.RESOURCE.equals(o.path("resource").asText())) {
                rule = o;
            }
        }
        if (rule == null) {
            rule = next.addObject().put("resource", MerchantRateLimiter.RESOURCE).put("paramIdx", 0).put("grade", 1)
                    .put("count", defaultQps);
        }
        ArrayNode items = rule.path("paramFlowItemList") instanceof ArrayNode a ? a : rule.putArray("paramFlowItemList");
        for (Iterator<JsonNode> it = items.elements(); it.hasNext(); ) {
            if (merchantId.equals(it.next().path("object").asText(null))) {
                it.remove();
            }
        }
        if (qps != null) {
            items.addObject().put("object", merchantId).put("classType", "java.lang.String").put("count", qps);
        }
        String text;
        try {
            text = json.writeValueAsString(next);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        MerchantFlowRules.check(text);
        return text;
    }

    private ObjectNode rule() {
        for (JsonNode r : rules) {
            if (r instanceof ObjectNode o && MerchantRateLimiter.RESOURCE.equals(o.path("resource").asText())) {
                return o;
            }
        }
        return null;
    }
}
