package io.paysuite.cashier.token;

import io.paysuite.cashier.config.CashierProperties;
import io.paysuite.api.trade.TradeDTO;
import org.springframework.stereotype.Component;

/** {@code cashier_url} of a trade (API.md: {@code https://{host}:8443/cashier/{token}}). */
@Component
public class CashierUrls {

    private final CashierTokens tokens;
    private final String base;

    public CashierUrls(CashierTokens tokens, CashierProperties properties) {
        this.tokens = tokens;
        String url = properties.publicUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String of(TradeDTO trade) {
        return base + "/cashier/" + tokens.issue(trade.tradeNo(), trade.timeExpire());
    }
}
