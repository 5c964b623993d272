package io.paysuite.trade.refund;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ids.ShardGene;
import io.paysuite.api.refund.RefundByNoQry;
import io.paysuite.api.refund.RefundByOutRefundNoQry;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundsByNoQry;
import java.util.List;
import java.util.Objects;
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

    /**
     * The refunds of these numbers that exist, for an internal caller, in one read (one statement per
     * shard the genes name): a number that cannot be a refund's is left out before the router, as
     * {@link #get} does, and so is one without a refund.
     */
    public List<RefundDTO> getAll(RefundsByNoQry qry) {
        if (qry == null || qry.refundNos() == null) {
            throw new BizException(ErrorCode.PARAM_ERROR, "refund_nos is required");
        }
        if (qry.refundNos().size() > RefundsByNoQry.MAX_REFUNDS) {
            throw new BizException(ErrorCode.PARAM_ERROR, "at most " + RefundsByNoQry.MAX_REFUNDS + " refund_nos");
        }
        List<String> numbers = qry.refundNos().stream().filter(Objects::nonNull).filter(RefundFinder::isRefundNo)
                .distinct().toList();
        return numbers.isEmpty() ? List.of() : refunds.findAll(numbers).stream().map(RefundOrder::toDTO).toList();
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

    /** A refund number whose gene the router can place: one number it cannot would fail the whole statement. */
    static boolean isRefundNo(String value) {
        return REFUND_NO.matcher(value).matches()
                && Integer.parseInt(value.substring(value.length() - ShardGene.DIGITS)) < ShardGene.GENES;
    }

    private static BizException notFound(String no) {
        return new BizException(ErrorCode.REFUND_NOT_FOUND, "no refund " + no);
    }
}
