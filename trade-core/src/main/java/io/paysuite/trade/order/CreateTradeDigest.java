package io.paysuite.trade.order;

import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.trade.CreateTradeCmd;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@link RequestDigest} of everything a merchant says in a create request. Two requests with
 * the same merchant order number are "the same" exactly when their digests are equal. Changing
 * the fields or their order turns every stored repeat into a conflict.
 *
 * <p>{@code payment_methods} came later (V3): it is appended as one more field, comma-joined in
 * the merchant's order, and only when the list is not empty. A request without methods therefore
 * digests exactly as before, so the repeat of a trade created before V3 still answers that trade,
 * while the same order number with other methods is a different request.
 */
public final class CreateTradeDigest {

    private CreateTradeDigest() {
    }

    public static String of(CreateTradeCmd cmd) {
        List<String> fields = new ArrayList<>(Arrays.asList(
                cmd.merchantId(),
                cmd.outTradeNo(),
                cmd.tradeType() == null ? null : cmd.tradeType().name(),
                cmd.amount() == null ? null : Long.toString(cmd.amount().minor()),
                cmd.amount() == null ? null : cmd.amount().currency(),
                cmd.subject(),
                cmd.buyerId(),
                cmd.notifyUrl(),
                cmd.returnUrl(),
                cmd.attach(),
                cmd.timeExpire() == null ? null : Long.toString(cmd.timeExpire().toEpochMilli())));
        if (cmd.paymentMethods() != null && !cmd.paymentMethods().isEmpty()) {
            fields.add(cmd.paymentMethods().stream().map(PayMethod::name).collect(Collectors.joining(",")));
        }
        return RequestDigest.of(fields.toArray(String[]::new));
    }
}
