package io.paysuite.it.money;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.it.openapi.Merchants;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ops API's channel conflicts ({@code GET /ops/api/v1/channel-conflicts}): results that arrived
 * after an order was final, each with the refund that paid the buyer back. Read leniently on
 * purpose: the list may be the body or its {@code data}/{@code conflicts}/{@code items}, and the
 * refund is whatever field names one.
 */
final class ChannelConflicts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LIST_FIELDS = List.of("data", "conflicts", "items");

    private ChannelConflicts() {
    }

    /** The conflicts recorded since {@code start}, or empty when this build has no such ops endpoint. */
    static Optional<List<JsonNode>> since(Instant start) throws Exception {
        HttpResponse<String> answer = Merchants.ops(Merchants.base(), "GET", "/ops/api/v1/channel-conflicts", null);
        if (answer.statusCode() == 404 || answer.statusCode() == 405) {
            return Optional.empty();
        }
        if (answer.statusCode() != 200) {
            throw new AssertionError("GET /ops/api/v1/channel-conflicts → " + answer.statusCode() + " " + answer.body());
        }
        JsonNode body = JSON.readTree(answer.body());
        JsonNode list = body;
        for (String field : LIST_FIELDS) {
            if (!list.isArray() && body.path(field).isArray()) {
                list = body.path(field);
            }
        }
        List<JsonNode> recent = new ArrayList<>();
        for (JsonNode conflict : list) {
            if (!before(conflict, start)) {
                recent.add(conflict);
            }
        }
        return Optional.of(recent);
    }

    /** Whether the conflict names a refund: any field about a refund with a value. */
    static boolean refunded(JsonNode conflict) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = conflict.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (field.getKey().toLowerCase().contains("refund") && !value.isNull() && !value.isMissingNode()
                    && !(value.isTextual() && value.asText().isBlank()) && !(value.isBoolean() && !value.asBoolean())
                    && !(value.isContainerNode() && value.isEmpty())) {
                return true;
            }
        }
        return false;
    }

    private static boolean before(JsonNode conflict, Instant start) {
        String at = conflict.path("created_at").asText("");
        try {
            return !at.isEmpty() && Instant.parse(at).isBefore(start);
        } catch (DateTimeParseException e) {
            return false; // not an instant we can read: count it in
        }
    }
}
