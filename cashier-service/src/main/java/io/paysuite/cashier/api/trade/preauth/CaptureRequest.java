package io.paysuite.cashier.api.trade.preauth;

import io.paysuite.api.money.Money;
import io.paysuite.cashier.api.JsonBody;

/**
 * The capture body. {@code amount} is an object like a refund's ({@code {"refund", "currency"}}):
 * {@code {"capture": 600, "currency": "CNY"}}, in minor units. A merchant used to Alipay's
 * pre-authorisation pays with {@code total_amount}, so {@code {"total": 600}} is read the same; a plain
 * number ({@code "amount": 600}) too. The currency defaults to {@code CNY}; trade-core refuses one
 * that is not the trade's.
 */
final class CaptureRequest {

    static final String DEFAULT_CURRENCY = "CNY";

    private CaptureRequest() {
    }

    static Money amount(JsonBody body) {
        if (!body.isObject("amount")) {
            return positive(body, "amount", body.integer("amount"), DEFAULT_CURRENCY);
        }
        JsonBody amount = body.object("amount");
        String field = amount.has("capture") || !amount.has("total") ? "capture" : "total";
        String currency = amount.optionalText("currency");
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            throw amount.invalid("currency", "must be an ISO 4217 code such as CNY");
        }
        return positive(amount, field, amount.integer(field), currency == null ? DEFAULT_CURRENCY : currency);
    }

    private static Money positive(JsonBody body, String field, long minor, String currency) {
        if (minor <= 0) {
            throw body.invalid(field, "must be greater than 0");
        }
        return Money.of(minor, currency);
    }
}
