package io.paysuite.trade.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreateTradeDigestTest {

    /**
     * Digests computed by the CreateTradeDigest of commit 8f64a45 (before payment methods existed).
     * Merchant order numbers claimed then hold these in trade_merchant_index.request_digest: if
     * they changed, every repeat of those orders would answer OUT_TRADE_NO_USED.
     */
    static final String FULL_BEFORE_V3 = "8d99a95fd72a505ceac1eeee1f0b3e6a91cc8e2962a4cbe2c538a395a00e5425";
    static final String BARE_BEFORE_V3 = "4bb9b53c5eb9c85528e8ec777938450dd7370d504636495e39a86a8112b8d95a";

    @Test
    void aRequestWithoutPaymentMethodsDigestsExactlyAsBeforeMethodsExisted() {
        assertThat(CreateTradeDigest.of(full(List.of()))).isEqualTo(FULL_BEFORE_V3);
        assertThat(CreateTradeDigest.of(full(null))).isEqualTo(FULL_BEFORE_V3);
        assertThat(CreateTradeDigest.of(bare())).isEqualTo(BARE_BEFORE_V3);
    }

    @Test
    void paymentMethodsTakePartInTheDigestInTheMerchantsOrder() {
        String balance = CreateTradeDigest.of(full(List.of(PayMethod.BALANCE)));
        String balanceAndWechat = CreateTradeDigest.of(full(List.of(PayMethod.BALANCE, PayMethod.WECHAT_QR)));
        String wechatAndBalance = CreateTradeDigest.of(full(List.of(PayMethod.WECHAT_QR, PayMethod.BALANCE)));

        assertThat(List.of(FULL_BEFORE_V3, balance, balanceAndWechat, wechatAndBalance)).doesNotHaveDuplicates();
        assertThat(CreateTradeDigest.of(full(List.of(PayMethod.BALANCE)))).isEqualTo(balance);
    }

    static CreateTradeCmd full(List<PayMethod> methods) {
        return new CreateTradeCmd("M100001", "ORDER-0001", TradeType.GUARANTEE, Money.cny(100), "Coffee",
                "10000000007", "https://merchant.example/notify", "https://merchant.example/return", "x",
                Instant.parse("2026-11-22T10:30:00Z"), methods);
    }

    static CreateTradeCmd bare() {
        return new CreateTradeCmd("M100001", "ORDER-0002", TradeType.INSTANT, Money.cny(1), "Tea",
                null, "https://merchant.example/notify", null, null, null);
    }
}
