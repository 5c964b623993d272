package io.paysuite.pay.order;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.ids.ShardGene;
import io.paysuite.api.pay.OpenPayOrderCmd;
import io.paysuite.api.pay.PayOrderDTO;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Executes {@link OpenPayOrderCmd}: idempotent on (trade_no, request_no), backed by a unique key.
 * The pay order number takes the trade number's gene, so the insert and the idempotency lookup
 * both touch one physical table. A repeat with the same content answers the first pay order; the
 * same key with different content answers {@code REQUEST_NO_USED}.
 */
@Component
public class PayOrderOpener {

    private final PayOrderRepository orders;
    private final OrderNo orderNo;
    private final Clock clock;

    public PayOrderOpener(PayOrderRepository orders, OrderNo orderNo, Clock clock) {
        this.orders = orders;
        this.orderNo = orderNo;
        this.clock = clock;
    }

    public PayOrderDTO open(OpenPayOrderCmd cmd) {
        return openOrder(cmd).toDTO();
    }

    /** As {@link #open}, answering the pay order itself for the caller that goes on to run it. */
    public PayOrder openOrder(OpenPayOrderCmd cmd) {
        OpenPayOrderRules.check(cmd);
        String digest = digest(cmd);
        return sameRequest(orders.findByRequest(cmd.tradeNo(), cmd.requestNo()).orElseGet(() -> insert(cmd, digest)), cmd, digest);
    }

    /**
     * As {@link #openOrder}, for a caller that has just looked the request up and found no pay order
     * ({@code PayOrchestrator.pay}): inserts at once instead of looking again. The unique key on
     * (trade_no, request_no) still decides a concurrent repeat, whose pay order is then read and answered.
     * One pay_order select less per payment.
     */
    public PayOrder openNew(OpenPayOrderCmd cmd) {
        OpenPayOrderRules.check(cmd);
        String digest = digest(cmd);
        return sameRequest(insert(cmd, digest), cmd, digest);
    }

    private PayOrder insert(OpenPayOrderCmd cmd, String digest) {
        PayOrder fresh = PayOrder.open(orderNo.next(OrderNo.Kind.PAY, ShardGene.ofOrderNo(cmd.tradeNo())),
                cmd, digest, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return orders.insert(fresh) ? fresh : orders.findByRequest(cmd.tradeNo(), cmd.requestNo())
                .orElseThrow(() -> new IllegalStateException("pay order of " + cmd.tradeNo() + "/"
                        + cmd.requestNo() + " reported taken but not found"));
    }

    /** The pay order of the request, if the request is the same one: a reused request number is refused. */
    private static PayOrder sameRequest(PayOrder order, OpenPayOrderCmd cmd, String digest) {
        if (!order.requestDigest().equals(digest)) {
            throw new BizException(ErrorCode.REQUEST_NO_USED,
                    "request_no " + cmd.requestNo() + " was used for a different request");
        }
        return order;
    }

    /** SHA-256 hex over the length-prefixed fields; null is distinct from empty. */
    static String digest(OpenPayOrderCmd cmd) {
        StringBuilder canonical = new StringBuilder("v1");
        Stream.of(cmd.tradeNo(), cmd.buyerId(), cmd.merchantId(), cmd.method().name(),
                        Long.toString(cmd.amount().minor()), cmd.amount().currency(), cmd.requestNo())
                .forEach(f -> canonical.append('|').append(f == null ? "-" : f.length() + ":" + f));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
