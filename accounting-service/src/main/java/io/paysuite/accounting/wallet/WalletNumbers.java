package io.paysuite.accounting.wallet;

import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.ids.ShardGene;

/**
 * Transfer ({@code WT…}) and withdrawal ({@code WD…}) numbers: {@link OrderNo}'s layout (UTC second, node,
 * sequence, the buyer's gene) under the wallet's own two letters, so they never meet an order number.
 * A withdrawal's number is also its payout's number (the payout channel's {@code out_biz_no}).
 */
public final class WalletNumbers {

    private final OrderNo numbers;

    public WalletNumbers(OrderNo numbers) {
        this.numbers = numbers;
    }

    String transfer(String buyerId) {
        return "WT" + numbers.next(OrderNo.Kind.EVENT, ShardGene.ofKey(buyerId)).substring(1);
    }

    String withdrawal(String buyerId) {
        return "WD" + numbers.next(OrderNo.Kind.EVENT, ShardGene.ofKey(buyerId)).substring(1);
    }
}
