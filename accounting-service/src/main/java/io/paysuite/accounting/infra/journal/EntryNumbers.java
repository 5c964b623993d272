package io.paysuite.accounting.infra.journal;

import io.paysuite.api.ids.OrderNo;
import org.springframework.stereotype.Component;

/**
 * Journal entry numbers: {@code J yyyyMMddHHmmss NN SSSSS}, 22 characters — an {@link OrderNo}
 * (UTC second, node, sequence) without the shard gene, since the ledger is not sharded.
 * OrderNo has no ledger kind and common-api is shared, so the EVENT kind's letter is replaced.
 */
@Component
class EntryNumbers {

    private static final int WITHOUT_GENE = 22;

    private final OrderNo orderNo;

    EntryNumbers(OrderNo orderNo) {
        this.orderNo = orderNo;
    }

    String next() {
        return "J" + orderNo.next(OrderNo.Kind.EVENT, 0).substring(1, WITHOUT_GENE);
    }
}
