package io.paysuite.cashier.api.trade;

import jakarta.servlet.http.HttpServletRequest;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.trade.CloseTradeCmd;
import io.paysuite.api.trade.ConfirmTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeByOutTradeNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.trade.TradeService;
import io.paysuite.cashier.api.JsonBody;
import io.paysuite.cashier.api.Times;
import io.paysuite.cashier.api.auth.OpenApiGate;
import io.paysuite.cashier.api.error.Results;
import io.paysuite.cashier.token.CashierUrls;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trades endpoints of docs/api/API.md. The merchant is the one the signature proved
 * ({@link OpenApiGate#MERCHANT_ID}); every lookup passes it to trade-core, which answers
 * {@code TRADE_NOT_FOUND} for another merchant's trade, so one merchant never learns that another's exists.
 */
@RestController
@RequestMapping(path = "/api/v1/trades", produces = MediaType.APPLICATION_JSON_VALUE)
public class TradeController {

    private final TradeService trades;
    private final CashierUrls cashierUrls;
    private final Times times;
    private final PayService pay;
    private final PayingTrades paying;

    public TradeController(TradeService trades, CashierUrls cashierUrls, Times times, PayService pay, PayingTrades paying) {
        this.pay = pay;
        this.paying = paying;
        this.trades = trades;
        this.cashierUrls = cashierUrls;
        this.times = times;
    }

    /** 201 with a new trade; 200 with the first trade for a repeat with the same content. */
    @PostMapping
    public ResponseEntity<TradeView> create(@RequestAttribute(OpenApiGate.MERCHANT_ID) String merchantId,
                                            @RequestBody(required = false) byte[] body) {
        Result<TradeDTO> result = trades.create(CreateTradeRequest.parse(merchantId, body));
        TradeDTO trade = Results.unwrap(result);
        return ResponseEntity.status(result.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(view(trade));
    }

    /**
     * Payment code: 201 (200 for a repeat) with the trade, {@code SUCCESS}, {@code PAYING} while the
     * buyer confirms, or {@code CLOSED} when the payment could not be made (never {@code WAIT_PAY});
     * a refused code answers {@code 409 CHANNEL_DECLINED} and the trade waits for another until its expiry.
     */
    @PostMapping("/barcode")
    public ResponseEntity<TradeView> barcode(@RequestAttribute(OpenApiGate.MERCHANT_ID) String merchantId,
                                             @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        BarcodePayment.Started started = BarcodePayment.pay(merchantId, body, trades, pay, paying, request.getRemoteAddr());
        return ResponseEntity.status(started.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(view(started.trade()));
    }

    @GetMapping("/{tradeNo}")
    public TradeView get(@RequestAttribute(OpenApiGate.MERCHANT_ID) String merchantId, @PathVariable String tradeNo) {
        return view(Results.unwrap(trades.get(new TradeByNoQry(tradeNo, merchantId))));
    }

    @GetMapping
    public TradeView getByOutTradeNo(@RequestAttribute(OpenApiGate.MERCHANT_ID) String merchantId,
                                     @RequestParam(name = "out_trade_no", required = false) String outTradeNo) {
        if (outTradeNo == null || outTradeNo.isBlank()) {
            throw new BizException(ErrorCode.PARAM_ERROR, "out_trade_no is required");
        }
        return view(Results.unwrap(trades.getByOutTradeNo(new TradeByOutTradeNoQry(merchantId, outTradeNo))));
    }

    @PostMapping("/{tradeNo}/close")
    public TradeView close(@RequestAttribute(OpenApiGate.MERCHANT_ID) String merchantId, @PathVariable String tradeNo,
                           @RequestBody(required = false) byte[] body) {
        JsonBody.parseOptional(body);
        return view(Results.unwrap(trades.close(new CloseTradeCmd(tradeNo, merchantId))));
    }

    @PostMapping("/{tradeNo}/confirm")
    public TradeView confirm(@RequestAttribute(OpenApiGate.MERCHANT_ID) String merchantId, @PathVariable String tradeNo,
                             @RequestBody(required = false) byte[] body) {
        JsonBody.parseOptional(body);
        return view(Results.unwrap(trades.confirm(new ConfirmTradeCmd(tradeNo, merchantId))));
    }

    private TradeView view(TradeDTO trade) {
        return TradeView.of(trade, cashierUrls.of(trade), times);
    }
}
