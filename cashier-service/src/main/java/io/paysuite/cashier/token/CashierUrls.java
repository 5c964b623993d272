package io.paysuite.cashier.token;

import io.paysuite.api.trade.TradeDTO;
import java.net.URI;

/** {@code cashier_url} of a trade (docs/api/API.md: {@code https://{host}:8443/cashier/{token}}). */
public class CashierUrls {

    private final CashierTokens tokens;
    private final String base;

    public CashierUrls(CashierTokens tokens, URI publicUrl) {
        this.tokens = tokens;
        String url = publicUrl.toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String of(TradeDTO trade) {
        return base + "/cashier/" + tokens.issue(trade.tradeNo(), trade.timeExpire());
    }
}
