package io.paysuite.trade.refund;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.refund.RefundByNoQry;
import io.paysuite.api.refund.RefundByOutRefundNoQry;
import io.paysuite.api.refund.RefundDTO;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Reads refunds without fan-out; another merchant's refund is "not found", never revealed. */
@Component
public class RefundFinder {

    private static final Pattern REFUND_NO = Pattern.compile("R\\d{25}");

    private final RefundRepository refunds;

    public RefundFinder(RefundRepository refunds) {
        this.refunds = refunds;
    }

    public RefundDTO get(RefundByNoQry qry) {
        if (qry == null || qry.refundNo() == null || !REFUND_NO.matcher(qry.refundNo()).matches()) {
            throw notFound(qry == null ? null : qry.refundNo());
        }
        return refunds.find(qry.refundNo())
                .filter(r -> qry.merchantId() == null || qry.merchantId().equals(r.merchantId()))
                .map(RefundOrder::toDTO)
                .orElseThrow(() -> notFound(qry.refundNo()));
    }

    public RefundDTO getByOutRefundNo(RefundByOutRefundNoQry qry) {
        if (qry == null || qry.merchantId() == null || qry.outRefundNo() == null) {
            throw new BizException(ErrorCode.PARAM_ERROR, "merchant_id and out_refund_no are required");
        }
        return refunds.findClaim(qry.merchantId(), qry.outRefundNo())
                .flatMap(claim -> refunds.find(claim.refundNo()))
                .map(RefundOrder::toDTO)
                .orElseThrow(() -> notFound(qry.outRefundNo()));
    }

    private static BizException notFound(String no) {
        return new BizException(ErrorCode.REFUND_NOT_FOUND, "no refund " + no);
    }
}
