package io.paysuite.cashier.api.sharing;

import io.paysuite.api.common.Outcome;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.MerchantDTO;
import io.paysuite.api.member.MerchantService;
import io.paysuite.api.money.Money;
import io.paysuite.api.sharing.CreateSharingOrderCmd;
import io.paysuite.api.sharing.ProfitSharingService;
import io.paysuite.api.sharing.SharingOrderDTO;
import io.paysuite.api.sharing.SharingOrderQry;
import io.paysuite.api.sharing.SharingReceiverCmd;
import io.paysuite.api.sharing.SharingReturnCmd;
import io.paysuite.api.sharing.SharingReturnDTO;
import io.paysuite.api.sharing.UnfreezeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.cashier.api.JsonBody;
import io.paysuite.cashier.api.auth.OpenApiGate;
import io.paysuite.cashier.api.error.Results;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The profit-sharing endpoints of docs/api/API.md (as WeChat Pay v3 profit sharing), for the merchant
 * the signature proved. The edge checks what only it can: the trade is this merchant's and paid
 * (trade-core), the receivers are merchants (member-service); accounting-service decides every amount
 * from its own journal.
 */
@RestController
@RequestMapping(path = "/api/v1/profit-sharing", produces = MediaType.APPLICATION_JSON_VALUE)
public class ProfitSharingController {

    private final ProfitSharingService sharing;
    private final TradeService trades;
    private final MerchantService merchants;

    public ProfitSharingController(ProfitSharingService sharing, TradeService trades, MerchantService merchants) {
        this.sharing = sharing;
        this.trades = trades;
        this.merchants = merchants;
    }

    /** 201 with a new order ({@code FINISHED}, or {@code PROCESSING} while its outcome is not known); 200 for a repeat. */
    @PostMapping("/orders")
    public ResponseEntity<SharingOrderView> share(@RequestAttribute(OpenApiGate.MERCHANT_ID) String merchantId,
                                                  @RequestBody(required = false) byte[] raw) {
        JsonBody body = JsonBody.parse(raw);
        String tradeNo = body.text("trade_no");
        String outOrderNo = body.text("out_order_no");
        boolean unfreezeUnsplit = body.optionalBoolean("unfreeze_unsplit", false);
        List<JsonBody> items = body.objects("receivers");
        List<SharingReceiverCmd> receivers = new ArrayList<>();
        for (JsonBody item : items) {
            String receiver = item.text("merchant_id");
            long amount = item.integer("amount");
            if (amount <= 0) {
                throw item.invalid("amount", "must be greater than 0");
            }
            receivers.add(new SharingReceiverCmd(receiver, Money.cny(amount), item.optionalText("description")));
        }
        paidTradeOf(merchantId, tradeNo);
        for (int i = 0; i < receivers.size(); i++) {
            requireMerchant(receivers.get(i).merchantId(), "receivers[" + i + "].merchant_id");
        }
        return answer(sharing.share(new CreateSharingOrderCmd(merchantId, tradeNo, outOrderNo, receivers, unfreezeUnsplit)));
    }

    @GetMapping("/orders/{orderNo}")
    public SharingOrderView get(@RequestAttribute(OpenApiGate.MERCHANT_ID) String merchantId, @PathVariable String orderNo) {
        return SharingOrderView.of(Results.unwrap(sharing.get(new SharingOrderQry(merchantId, orderNo))));
    }

    /** A receiver's share (part of it) given back to this merchant; 201, or 200 for a repeat. */
    @PostMapping("/returns")
    public ResponseEntity<SharingOrderView.ReturnView> giveBack(@RequestAttribute(OpenApiGate.MERCHANT_ID) String merchantId,
                                                               @RequestBody(required = false) byte[] raw) {
        JsonBody body = JsonBody.parse(raw);
        String orderNo = body.text("order_no");
        String outReturnNo = body.text("out_return_no");
        String receiver = body.text("merchant_id");
        long amount = body.integer("amount");
        if (amount <= 0) {
            throw body.invalid("amount", "must be greater than 0");
        }
        Result<SharingReturnDTO> result = sharing.giveBack(new SharingReturnCmd(merchantId, orderNo, outReturnNo, receiver,
                Money.cny(amount)));
        SharingReturnDTO done = Results.unwrap(result);
        return ResponseEntity.status(result.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(SharingOrderView.ReturnView.of(done));
    }

    /** Releases the trade's unshared rest to this merchant's settlement; no more sharing of it after. */
    @PostMapping("/unfreeze")
    public ResponseEntity<SharingOrderView> unfreeze(@RequestAttribute(OpenApiGate.MERCHANT_ID) String merchantId,
                                                     @RequestBody(required = false) byte[] raw) {
        JsonBody body = JsonBody.parse(raw);
        String tradeNo = body.text("trade_no");
        String outOrderNo = body.text("out_order_no");
        paidTradeOf(merchantId, tradeNo);
        return answer(sharing.unfreeze(new UnfreezeCmd(merchantId, tradeNo, outOrderNo)));
    }

    private static ResponseEntity<SharingOrderView> answer(Result<SharingOrderDTO> result) {
        SharingOrderDTO order = Results.unwrap(result);
        return ResponseEntity.status(result.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(SharingOrderView.of(order));
    }

    /** The merchant's own paid trade: another merchant's reads {@code TRADE_NOT_FOUND}, as trade-core answers it. */
    private void paidTradeOf(String merchantId, String tradeNo) {
        TradeDTO trade = Results.unwrap(trades.get(new TradeByNoQry(tradeNo, merchantId)));
        if (trade.status() != TradeStatus.SUCCESS && trade.status() != TradeStatus.FINISHED) {
            throw new BizException(ErrorCode.PROFIT_SHARING_NOT_ALLOWED, "trade " + tradeNo + " is " + trade.status() + ", not paid");
        }
    }

    /** A receiver must be a merchant member-service knows; an unknown answer is not a refusal. */
    private void requireMerchant(String merchantId, String field) {
        Result<MerchantDTO> found = merchants.getMerchant(merchantId);
        if (Outcome.definitelyFailed(found)) {
            throw new BizException(ErrorCode.PARAM_ERROR, field + " is not a merchant: " + merchantId);
        }
        Results.unwrap(found);
    }
}
