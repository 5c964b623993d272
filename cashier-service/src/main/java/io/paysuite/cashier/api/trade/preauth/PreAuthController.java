package io.paysuite.cashier.api.trade.preauth;

import io.paysuite.api.money.Money;
import io.paysuite.api.trade.CaptureTradeCmd;
import io.paysuite.api.trade.PreAuthService;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.VoidTradeCmd;
import io.paysuite.cashier.api.JsonBody;
import io.paysuite.cashier.api.Times;
import io.paysuite.cashier.api.auth.OpenApiGate;
import io.paysuite.cashier.api.error.Results;
import io.paysuite.cashier.api.trade.TradeView;
import io.paysuite.cashier.token.CashierUrls;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A pre-authorisation's capture and void (docs/api/API.md, "Pre-authorisation"). The trade is the
 * signing merchant's ({@link OpenApiGate#MERCHANT_ID}); trade-core answers {@code TRADE_NOT_FOUND}
 * for another's. Both answer the trade; a repeat of the same capture, or of a void, answers it again.
 */
@RestController
@RequestMapping(path = "/api/v1/trades/{tradeNo}", produces = MediaType.APPLICATION_JSON_VALUE)
public class PreAuthController {

    private final PreAuthService preAuth;
    private final CashierUrls cashierUrls;
    private final Times times;

    public PreAuthController(PreAuthService preAuth, CashierUrls cashierUrls, Times times) {
        this.preAuth = preAuth;
        this.cashierUrls = cashierUrls;
        this.times = times;
    }

    /** {@code {"amount": {"capture": 600, "currency": "CNY"}}}; see {@link CaptureRequest}. */
    @PostMapping("/capture")
    public TradeView capture(@RequestAttribute(OpenApiGate.MERCHANT_ID) String merchantId, @PathVariable String tradeNo,
                             @RequestBody(required = false) byte[] body) {
        Money amount = CaptureRequest.amount(JsonBody.parse(body));
        return view(Results.unwrap(preAuth.capture(new CaptureTradeCmd(tradeNo, merchantId, amount))));
    }

    @PostMapping("/void")
    public TradeView voidAuthorisation(@RequestAttribute(OpenApiGate.MERCHANT_ID) String merchantId, @PathVariable String tradeNo,
                                       @RequestBody(required = false) byte[] body) {
        JsonBody.parseOptional(body);
        return view(Results.unwrap(preAuth.voidAuthorisation(new VoidTradeCmd(tradeNo, merchantId))));
    }

    private TradeView view(TradeDTO trade) {
        return TradeView.of(trade, cashierUrls.of(trade), times);
    }
}
