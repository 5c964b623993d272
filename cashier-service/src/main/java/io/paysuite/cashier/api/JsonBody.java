package io.paysuite.cashier.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A request body read strictly: malformed JSON is {@code INVALID_JSON}; a field of the wrong type
 * is {@code PARAM_ERROR} naming it ({@code amount.total}). Amounts must be JSON integers that fit
 * in 64 bits: {@code 1.5}, {@code "100"} and {@code 9223372036854775808} are refused, never rounded.
 */
public final class JsonBody {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonNode root;
    private final String prefix;

    private JsonBody(JsonNode root, String prefix) {
        this.root = root;
        this.prefix = prefix;
    }

    public static JsonBody parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new BizException(ErrorCode.INVALID_JSON, "the body is empty; a JSON object is expected");
        }
        JsonNode root;
        try {
            root = STRICT.readTree(body);
        } catch (Exception e) {
            throw new BizException(ErrorCode.INVALID_JSON, "the body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new BizException(ErrorCode.INVALID_JSON, "the body must be a JSON object");
        }
        return new JsonBody(root, "");
    }

    /** An optional body (close, confirm): empty means {@code {}}. */
    public static JsonBody parseOptional(byte[] body) {
        return body == null || body.length == 0 ? new JsonBody(STRICT.createObjectNode(), "") : parse(body);
    }

    public JsonBody object(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw missing(field);
        }
        if (!node.isObject()) {
            throw invalid(field, "must be an object");
        }
        return new JsonBody(node, prefix + field + ".");
    }

    /** Whether the field is present, not null, and a JSON object. */
    public boolean isObject(String field) {
        JsonNode node = root.get(field);
        return node != null && node.isObject();
    }

    /** Whether the field is present and not null. */
    public boolean has(String field) {
        JsonNode node = root.get(field);
        return node != null && !node.isNull();
    }

    public String text(String field) {
        String value = optionalText(field);
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    public String optionalText(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid(field, "must be a string");
        }
        return node.textValue();
    }

    /** A JSON integer within 64 bits. */
    public long integer(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw missing(field);
        }
        if (!node.isIntegralNumber()) {
            throw invalid(field, "must be an integer number of minor units");
        }
        if (!node.canConvertToLong()) {
            throw invalid(field, "is out of range");
        }
        return node.longValue();
    }

    /** A JSON integer within 64 bits, or null when the field is absent. */
    public Long optionalInteger(String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? null : integer(field);
    }

    /** A JSON boolean, {@code fallback} when the field is absent. */
    public boolean optionalBoolean(String field, boolean fallback) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw invalid(field, "must be true or false");
        }
        return node.booleanValue();
    }

    public Instant optionalTime(String field) {
        String text = optionalText(field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be an RFC 3339 time with offset, e.g. 2026-11-23T10:00:00+08:00");
        }
    }

    /** Strings of a JSON array, or null when the field is absent. */
    public java.util.List<String> optionalTexts(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw invalid(field, "must be an array of strings");
        }
        java.util.List<String> values = new java.util.ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw invalid(field, "must be an array of strings");
            }
            values.add(item.textValue());
        }
        return values;
    }

    /** The objects of a required JSON array, each read like a body (field names prefixed for errors). */
    public java.util.List<JsonBody> objects(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw missing(field);
        }
        if (!node.isArray() || node.isEmpty()) {
            throw invalid(field, "must be a non-empty array of objects");
        }
        java.util.List<JsonBody> items = new java.util.ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isObject()) {
                throw invalid(field, "must be a non-empty array of objects");
            }
            items.add(new JsonBody(node.get(i), prefix + field + "[" + i + "]."));
        }
        return items;
    }

    private BizException missing(String field) {
        return new BizException(ErrorCode.PARAM_ERROR, prefix + field + " is required");
    }

    public BizException invalid(String field, String why) {
        return new BizException(ErrorCode.PARAM_ERROR, prefix + field + " " + why);
    }
}
