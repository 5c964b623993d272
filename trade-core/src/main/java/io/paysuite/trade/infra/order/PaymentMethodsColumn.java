package io.paysuite.trade.infra.order;

import io.paysuite.api.pay.PayMethod;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code trade_order.payment_methods}: the allowed methods as PayMethod names joined by commas, in
 * the merchant's order; NULL for "any method" (never an empty string, so a reader needs one test).
 */
final class PaymentMethodsColumn {

    private PaymentMethodsColumn() {
    }

    static String write(List<PayMethod> methods) {
        return methods == null || methods.isEmpty() ? null
                : methods.stream().map(PayMethod::name).collect(Collectors.joining(","));
    }

    static List<PayMethod> read(String column) {
        return column == null || column.isBlank() ? List.of()
                : Arrays.stream(column.split(",")).map(String::trim).map(PayMethod::valueOf).toList();
    }
}
