package io.paysuite.channel.wechat;

import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.service.refund.RefundService;
import com.wechat.pay.java.service.refund.model.AmountReq;
import com.wechat.pay.java.service.refund.model.CreateRequest;
import com.wechat.pay.java.service.refund.model.QueryByOutRefundNoRequest;
import com.wechat.pay.java.service.refund.model.Refund;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.refund.RefundAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * WeChat Pay v3 domestic refunds through the SDK's {@link RefundService}, keyed by
 * {@code out_refund_no}. Status SUCCESS → done, PROCESSING → ask again, CLOSED → refused (nothing
 * returned), ABNORMAL → unknown and alarmed (the money is stuck at WeChat: an operator acts).
 */
@Component
@ConditionalOnProperty(prefix = "paysuite.channels.wechat", name = "merchant-private-key")
public class WechatRefundAdapter implements RefundAdapter {

    private static final Logger log = LoggerFactory.getLogger(WechatRefundAdapter.class);

    private final RefundService service;

    public WechatRefundAdapter(WechatHttp http) {
        this.service = new RefundService.Builder().httpClient(http.client()).build();
    }

    @Override
    public ChannelCode channel() {
        return ChannelCode.WECHAT;
    }

    @Override
    public ChannelCall refund(ChannelOrder paid, String refundNo, long refundMinor, String reason) {
        CreateRequest request = new CreateRequest();
        request.setOutTradeNo(paid.channelOrderNo());
        request.setOutRefundNo(refundNo);
        request.setReason(reason);
        AmountReq amount = new AmountReq();
        amount.setRefund(refundMinor);
        amount.setTotal(paid.amount().minor());
        amount.setCurrency(paid.amount().currency());
        request.setAmount(amount);
        try {
            return of(service.create(request));
        } catch (ServiceException refused) {
            boolean definite = refused.getHttpStatusCode() >= 400 && refused.getHttpStatusCode() < 500 && refused.getHttpStatusCode() != 429
                    && !"SYSTEM_ERROR".equals(refused.getErrorCode()) && !"FREQUENCY_LIMITED".equals(refused.getErrorCode());
            return ChannelCall.of(definite ? Outcome.FAILURE : Outcome.UNKNOWN, String.valueOf(refused.getErrorCode()),
                    refused.getErrorMessage());
        } catch (RuntimeException e) {
            log.warn("wechat refund {} outcome unknown: {}", refundNo, e.toString());
            return ChannelCall.unknown("IO", e.getMessage());
        }
    }

    @Override
    public ChannelCall queryRefund(ChannelOrder paid, String refundNo) {
        QueryByOutRefundNoRequest request = new QueryByOutRefundNoRequest();
        request.setOutRefundNo(refundNo);
        try {
            return of(service.queryByOutRefundNo(request));
        } catch (ServiceException refused) {
            // 404 RESOURCE_NOT_EXISTS: WeChat never got the refund; it is sent again under the same out_refund_no
            Outcome outcome = refused.getHttpStatusCode() == 404 && "RESOURCE_NOT_EXISTS".equals(refused.getErrorCode())
                    ? Outcome.NOT_FOUND : Outcome.UNKNOWN;
            return ChannelCall.of(outcome, String.valueOf(refused.getErrorCode()), refused.getErrorMessage());
        } catch (RuntimeException e) {
            return ChannelCall.unknown("IO", e.getMessage());
        }
    }

    private static ChannelCall of(Refund refund) {
        String status = refund.getStatus() == null ? null : refund.getStatus().name();
        Outcome outcome = switch (String.valueOf(status)) {
            case "SUCCESS" -> Outcome.SUCCESS;
            case "PROCESSING" -> Outcome.PENDING;
            case "CLOSED" -> Outcome.FAILURE;
            default -> Outcome.UNKNOWN;
        };
        if ("ABNORMAL".equals(status)) {
            log.error("CHANNEL_ALARM wechat refund {} is ABNORMAL: the buyer's account cannot take it; an operator must act",
                    refund.getOutRefundNo());
        }
        return new ChannelCall(outcome, status, "refund " + refund.getOutRefundNo(), refund.getRefundId(), null, null);
    }
}
