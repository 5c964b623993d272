package io.paysuite.cashier.api.trade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.promotion.FundedBy;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradePaymentDTO;
import io.paysuite.api.trade.TradePromotionDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.cashier.api.Times;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradeViewPromotionTest {

    static final Instant PAID = Instant.parse("2026-11-22T10:00:00Z");
    final JsonMapper json = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    @Test
    void aCombinationPaidTradeWritesEveryPartWhatTheBuyerPaidAndTheCouponsFunder() {
        TradeDTO trade = new TradeDTO("T1", "M1", "O1", TradeType.INSTANT, TradeStatus.SUCCESS, Money.cny(10_000),
                Money.cny(10_000), Money.cny(0), "s", "B1", null, null, null, PAID, PAID, PAID, null, List.of(),
                List.of(new TradePaymentDTO(PayMethod.COUPON, Money.cny(1_000), "PAYSUITE"),
                        new TradePaymentDTO(PayMethod.POINTS, Money.cny(500), "PAYSUITE"),
                        new TradePaymentDTO(PayMethod.WECHAT_QR, Money.cny(8_500), "WECHAT")),
                "B1", Money.cny(8_500), List.of(new TradePromotionDTO("CP1", "10 off", Money.cny(1_000), FundedBy.PLATFORM)),
                null, null);

        JsonNode wire = json.valueToTree(TradeView.of(trade, null, new Times(ZoneOffset.UTC)));

        assertThat(wire.get("paid_amount").asLong()).isEqualTo(10_000);
        assertThat(wire.get("buyer_paid_amount").asLong()).isEqualTo(8_500);
        assertThat(wire.get("payments")).hasSize(3);
        assertThat(wire.get("payments").get(0).get("method").asText()).isEqualTo("COUPON");
        assertThat(wire.get("payments").get(1).get("method").asText()).isEqualTo("POINTS");
        JsonNode coupon = wire.get("promotion_detail").get(0);
        assertThat(coupon.get("coupon_id").asText()).isEqualTo("CP1");
        assertThat(coupon.get("name").asText()).isEqualTo("10 off");
        assertThat(coupon.get("amount").asLong()).isEqualTo(1_000);
        assertThat(coupon.get("funded_by").asText()).isEqualTo("PLATFORM");
    }
}
