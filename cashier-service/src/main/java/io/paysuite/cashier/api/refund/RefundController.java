package io.paysuite.cashier.api.refund;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.money.Money;
import io.paysuite.api.refund.CreateRefundCmd;
import io.paysuite.api.refund.RefundByNoQry;
import io.paysuite.api.refund.RefundByOutRefundNoQry;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundService;
import io.paysuite.cashier.api.JsonBody;
import io.paysuite.cashier.api.Times;
import io.paysuite.cashier.api.auth.OpenApiGate;
import io.paysuite.cashier.api.error.Results;
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

/** The refunds endpoints of docs/api/API.md, for the merchant the signature proved. */
@RestController
@RequestMapping(path = "/api/v1/refunds", produces = MediaType.APPLICATION_JSON_VALUE)
public class RefundController {

    private final RefundService refunds;
    private final Times times;

    public RefundController(RefundService refunds, Times times) {
        this.refunds = refunds;
        this.times = times;
    }

    /**
     * 201 with a new refund ({@code SUCCESS}, or {@code PROCESSING} while its outcome is not known);
     * 200 with the first refund for a repeat with the same content.
     */
    @PostMapping
    public ResponseEntity<RefundView> refund(@RequestAttribute(OpenApiGate.MERCHANT_ID) String merchantId,
                                             @RequestBody(required = false) byte[] raw) {
        JsonBody body = JsonBody.parse(raw);
        String tradeNo = body.optionalText("trade_no");
        String outTradeNo = body.optionalText("out_trade_no");
        if (tradeNo == null && outTradeNo == null) {
            throw new BizException(ErrorCode.PARAM_ERROR, "trade_no or out_trade_no is required");
        }
        JsonBody amount = body.object("amount");
        long refund = amount.integer("refund");
        if (refund <= 0) {
            throw amount.invalid("refund", "must be greater than 0");
        }
        String currency = amount.text("currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw amount.invalid("currency", "must be an ISO 4217 code such as CNY");
        }
        Result<RefundDTO> result = refunds.refund(new CreateRefundCmd(merchantId, tradeNo, outTradeNo,
                body.text("out_refund_no"), Money.of(refund, currency), body.optionalText("reason")));
        RefundDTO dto = Results.unwrap(result);
        return ResponseEntity.status(result.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(RefundView.of(dto, times));
    }

    @GetMapping("/{refundNo}")
    public RefundView get(@RequestAttribute(OpenApiGate.MERCHANT_ID) String merchantId, @PathVariable String refundNo) {
        return RefundView.of(Results.unwrap(refunds.get(new RefundByNoQry(refundNo, merchantId))), times);
    }

    @GetMapping
    public RefundView getByOutRefundNo(@RequestAttribute(OpenApiGate.MERCHANT_ID) String merchantId,
                                       @RequestParam(name = "out_refund_no", required = false) String outRefundNo) {
        if (outRefundNo == null || outRefundNo.isBlank()) {
            throw new BizException(ErrorCode.PARAM_ERROR, "out_refund_no is required");
        }
        return RefundView.of(Results.unwrap(refunds.getByOutRefundNo(new RefundByOutRefundNoQry(merchantId, outRefundNo))), times);
    }
}
