package io.paysuite.trade.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The one-line summary of an event payload shown in a trade's trail, e.g.
 * {@code status SUCCESS, amount 1000 CNY, paid 1000 CNY, payment BALANCE 1000 CNY PAYSUITE, payer U1}.
 *
 * <p>Only the fields named here are shown: a payload also carries the merchant's notify URL and
 * free-text attach, which operators' screens and logs have no need for. A payload that is not a
 * JSON object yields an empty summary; the trail never fails because of one old event.
 */
final class TrailDetail {

    static final int MAX_LENGTH = 256;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrailDetail() {
    }

    static String of(String payload) {
        JsonNode body;
        try {
            body = JSON.readTree(payload);
        } catch (Exception notJson) {
            return "";
        }
        if (body == null || !body.isObject()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        text(parts, body, "status", "status");
        money(parts, body, "amount", "amount", true);
        money(parts, body, "paid_amount", "paid", false);
        money(parts, body, "refunded_amount", "refunded", false);
        methods(parts, body);
        payments(parts, body);
        text(parts, body, "payer_id", "payer");
        text(parts, body, "pay_order_no", "pay order");
        text(parts, body, "refund_no", "refund");
        if (body.hasNonNull("release_minor")) {
            parts.add("release " + body.get("release_minor").asLong() + " " + body.path("currency").asText(""));
        }
        text(parts, body, "reason", "reason");
        text(parts, body, "fail_code", "fail");
        String detail = String.join(", ", parts).trim();
        return detail.length() <= MAX_LENGTH ? detail : detail.substring(0, MAX_LENGTH - 1) + "…";
    }

    private static void text(List<String> parts, JsonNode body, String field, String label) {
        JsonNode value = body.get(field);
        if (value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
            parts.add(label + " " + value.asText());
        }
    }

    private static void money(List<String> parts, JsonNode body, String field, String label, boolean evenZero) {
        JsonNode money = body.get(field);
        if (money != null && money.hasNonNull("minor") && (evenZero || money.get("minor").asLong() != 0)) {
            parts.add(label + " " + amount(money));
        }
    }

    private static void methods(List<String> parts, JsonNode body) {
        JsonNode methods = body.get("payment_methods");
        if (methods != null && methods.isArray() && !methods.isEmpty()) {
            StringJoiner names = new StringJoiner(",");
            methods.forEach(method -> names.add(method.asText()));
            parts.add("methods " + names);
        }
    }

    private static void payments(List<String> parts, JsonNode body) {
        JsonNode payments = body.get("payments");
        if (payments != null && payments.isArray()) {
            for (JsonNode payment : payments) {
                StringJoiner one = new StringJoiner(" ", "payment ", "");
                one.add(payment.path("method").asText("?"));
                if (payment.hasNonNull("amount")) {
                    one.add(amount(payment.get("amount")));
                }
                if (payment.hasNonNull("channel")) {
                    one.add(payment.get("channel").asText());
                }
                parts.add(one.toString());
            }
        }
    }

    private static String amount(JsonNode money) {
        return money.path("minor").asLong() + " " + money.path("currency").asText("");
    }
}
