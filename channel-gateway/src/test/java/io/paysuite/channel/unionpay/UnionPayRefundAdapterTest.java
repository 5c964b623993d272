package io.paysuite.channel.unionpay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnionPayRefundAdapterTest {

    @Test
    void theRefundsTxnTimeIsTheSecondInsideItsNumberInBeijingTime() {
        // R + 20261129154146 (UTC) + node + sequence + gene
        assertThat(UnionPayRefundAdapter.txnTime("R2026112915414605000000755")).isEqualTo("20261129234146");
        assertThat(UnionPayRefundAdapter.txnTime("R2026112916000005000000755")).as("past midnight in Beijing").isEqualTo("20261130000000");
    }
}
