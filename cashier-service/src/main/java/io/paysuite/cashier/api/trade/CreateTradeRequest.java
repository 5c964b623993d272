package io.paysuite.cashier.api.trade;

import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeType;
import io.paysuite.cashier.api.JsonBody;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/v1/trades} body → {@link CreateTradeCmd}. Types are checked here (a JSON
 * string where an integer belongs, an unknown enum value); business rules (lengths, ranges,
 * URLs, expiry window) are trade-core's, so they hold for every caller, not only this edge.
 */
final class CreateTradeRequest {

    private CreateTradeRequest() {
    }

    static CreateTradeCmd parse(String merchantId, byte[] raw) {
        JsonBody body = JsonBody.parse(raw);
        JsonBody amount = body.object("amount");
        long total = amount.integer("total");
        String currency = amount.text("currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw amount.invalid("currency", "must be an ISO 4217 code such as CNY");
        }
        if (total <= 0) {
            throw amount.invalid("total", "must be greater than 0");
        }
        return new CreateTradeCmd(merchantId, body.text("out_trade_no"), tradeType(body), Money.of(total, currency),
                body.text("subject"), body.optionalText("buyer_id"), body.text("notify_url"), body.optionalText("return_url"),
                body.optionalText("attach"), body.optionalTime("time_expire"), methods(body));
    }

    private static TradeType tradeType(JsonBody body) {
        String type = body.text("trade_type");
        try {
            TradeType parsed = TradeType.valueOf(type);
            if (parsed == TradeType.TOPUP) { // the wallet page's own trades, for the platform: never a merchant's
                throw new IllegalArgumentException(type);
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw body.invalid("trade_type", "must be INSTANT, GUARANTEE or PREAUTH");
        }
    }

    private static List<PayMethod> methods(JsonBody body) {
        List<String> names = body.optionalTexts("payment_methods");
        if (names == null) {
            return List.of();
        }
        List<PayMethod> methods = new ArrayList<>();
        for (String name : names) {
            try {
                methods.add(PayMethod.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw body.invalid("payment_methods", "has an unknown method " + name);
            }
        }
        return methods;
    }
}
