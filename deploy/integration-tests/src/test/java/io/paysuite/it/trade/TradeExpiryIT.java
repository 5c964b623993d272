package io.paysuite.it.trade;

import io.paysuite.it.MerchantSink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paysuite.api.common.Result;
import io.paysuite.api.money.Money;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.it.SuiteHarness;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Unpaid trades close at time_expire through a broker-held timer, not a table scan. */
class TradeExpiryIT {

    private final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    private final String merchant = "M_EXPIRY_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);

    @Test
    void anUnpaidTradeClosesAtItsExpiryAndALaterOneStaysOpen() {
        TradeDTO soon = create("expires-soon", Instant.now().plusSeconds(8));
        TradeDTO later = create("expires-later", Instant.now().plus(2, ChronoUnit.HOURS));

        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(trades.get(TradeByNoQry.internal(soon.tradeNo())).data().status()).isEqualTo(TradeStatus.CLOSED));

        TradeDTO closed = trades.get(TradeByNoQry.internal(soon.tradeNo())).data();
        assertThat(closed.closedAt()).isAfterOrEqualTo(soon.timeExpire().truncatedTo(ChronoUnit.MILLIS));
        assertThat(trades.get(TradeByNoQry.internal(later.tradeNo())).data().status()).isEqualTo(TradeStatus.WAIT_PAY);
    }

    private TradeDTO create(String outTradeNo, Instant expire) {
        Result<TradeDTO> created = trades.create(new CreateTradeCmd(merchant, outTradeNo, TradeType.INSTANT, Money.cny(100),
                "expiry test", null, MerchantSink.notifyUrl(), null, null, expire));
        assertThat(created.success()).as(created.message()).isTrue();
        return created.data();
    }
}
