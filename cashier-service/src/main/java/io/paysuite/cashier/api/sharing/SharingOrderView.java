package io.paysuite.cashier.api.sharing;

import io.paysuite.api.sharing.SharingOrderDTO;
import io.paysuite.api.sharing.SharingReturnDTO;
import java.util.List;

/**
 * The open API's profit-sharing order object (snake_case on the wire): {@code order_no},
 * {@code out_order_no}, {@code trade_no}, {@code status}, {@code receivers} [{@code merchant_id},
 * {@code amount} (minor units), {@code result}]; also the body of {@code PROFIT_SHARING.FINISHED}.
 */
public record SharingOrderView(String orderNo, String outOrderNo, String tradeNo, String status, List<Receiver> receivers) {

    public record Receiver(String merchantId, long amount, String result) {
    }

    public static SharingOrderView of(SharingOrderDTO order) {
        return new SharingOrderView(order.orderNo(), order.outOrderNo(), order.tradeNo(), order.status().name(),
                order.receivers().stream().map(r -> new Receiver(r.merchantId(), r.amount().minor(), r.result().name())).toList());
    }

    /** A share given back: {@code merchant_id} is the receiver who gave it back. */
    public record ReturnView(String returnNo, String outReturnNo, String orderNo, String merchantId, long amount, String result) {

        public static ReturnView of(SharingReturnDTO r) {
            return new ReturnView(r.returnNo(), r.outReturnNo(), r.orderNo(), r.receiverMerchantId(), r.amount().minor(),
                    r.result().name());
        }
    }
}
