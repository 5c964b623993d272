package io.paysuite.trade.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.kit.shadow.ShadowContext;
import io.paysuite.trade.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WrittenTradesTest {

    static final Instant NOW = Instant.parse("2026-12-07T21:00:00Z");

    final MovableClock clock = new MovableClock(NOW);
    final WrittenTrades written = new WrittenTrades(2, Duration.ofSeconds(30), clock);

    @Test
    void theNewestImageOfATradeIsKeptAndAnOlderVersionToldLateIsIgnored() {
        Trade created = trade("T2026120721000000000010001");
        Trade paying = created.paying("P1", NOW);

        written.wrote(paying);
        written.wrote(created);

        assertThat(written.written(created.tradeNo())).contains(paying);
    }

    @Test
    void anImageIsForgottenAfterItsRetentionAndBeyondTheCapacity() {
        Trade first = trade("T2026120721000000000010001");
        written.wrote(first);
        clock.advance(Duration.ofSeconds(31));
        assertThat(written.written(first.tradeNo())).isEmpty();

        written.wrote(trade("T2026120721000000000010002"));
        written.wrote(trade("T2026120721000000000010003"));
        written.wrote(trade("T2026120721000000000010004"));

        assertThat(written.size()).isEqualTo(2);
        assertThat(written.written("T2026120721000000000010002")).isEmpty();
        assertThat(written.written("T2026120721000000000010004")).isPresent();
    }

    @Test
    void aLoadTestTradesImageIsKeptApartFromARealOnes() {
        Trade trade = trade("T2026120721000000000010001");
        try (ShadowContext.Scope load = ShadowContext.enter(true)) {
            written.wrote(trade);
        }

        assertThat(written.written(trade.tradeNo())).isEmpty();
        try (ShadowContext.Scope load = ShadowContext.enter(true)) {
            assertThat(written.written(trade.tradeNo())).contains(trade);
        }
    }

    @Test
    void noneKeepsNothing() {
        Trade trade = trade("T2026120721000000000010001");
        WrittenTrades.NONE.wrote(trade);

        assertThat(WrittenTrades.NONE.written(trade.tradeNo())).isEmpty();
    }

    private static Trade trade(String tradeNo) {
        CreateTradeCmd cmd = TradeCreatorTest.cmd("ORDER-" + tradeNo.substring(20), null, 1000);
        return Trade.open(tradeNo, cmd, NOW, Duration.ofMinutes(30));
    }
}
