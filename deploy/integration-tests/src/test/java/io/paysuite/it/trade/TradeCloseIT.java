package io.paysuite.it.trade;

import io.paysuite.it.MerchantSink;
import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.common.Result;
import io.paysuite.api.ids.ShardGene;
import io.paysuite.api.money.Money;
import io.paysuite.api.trade.CloseTradeCmd;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.deploy.infra.DatabaseServer;
import io.paysuite.it.SuiteHarness;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TradeCloseIT {

    private final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    private final DatabaseServer db = SuiteHarness.suite().infra().database();
    private final String merchant = "M_CLOSE_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);

    @Test
    void fiftyConcurrentClosesCloseTheTradeOnceWithOneEvent() throws Exception {
        TradeDTO trade = create("close-race");

        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Result<TradeDTO>>> closes = IntStream.range(0, 50)
                    .mapToObj(i -> (Callable<Result<TradeDTO>>) () -> trades.close(new CloseTradeCmd(trade.tradeNo(), merchant)))
                    .toList();
            for (Future<Result<TradeDTO>> answer : pool.invokeAll(closes)) {
                Result<TradeDTO> result = answer.get();
                assertThat(result.success()).as(result.code() + " " + result.message()).isTrue();
                assertThat(result.data().status()).isEqualTo(TradeStatus.CLOSED);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(trades.get(TradeByNoQry.internal(trade.tradeNo())).data().closedAt()).isNotNull();
        assertThat(eventTypes(trade.tradeNo())).containsExactlyInAnyOrder("TRADE_CREATED", "TRADE_CLOSED");
    }

    @Test
    void anotherMerchantCannotCloseOrEvenSeeTheTrade() throws Exception {
        TradeDTO trade = create("close-foreign");

        Result<TradeDTO> answer = trades.close(new CloseTradeCmd(trade.tradeNo(), "M_SOMEONE_ELSE"));

        assertThat(answer.success()).isFalse();
        assertThat(answer.code()).isEqualTo("TRADE_NOT_FOUND");
        assertThat(trades.get(TradeByNoQry.internal(trade.tradeNo())).data().status()).isEqualTo(TradeStatus.WAIT_PAY);
        assertThat(eventTypes(trade.tradeNo())).containsExactly("TRADE_CREATED");
    }

    private TradeDTO create(String outTradeNo) {
        Result<TradeDTO> created = trades.create(new CreateTradeCmd(merchant, outTradeNo, TradeType.INSTANT, Money.cny(990),
                "close test", "10000000" + ThreadLocalRandom.current().nextInt(100, 999), MerchantSink.notifyUrl(),
                null, null, Instant.now().plus(30, ChronoUnit.MINUTES)));
        assertThat(created.success()).as(created.message()).isTrue();
        return created.data();
    }

    /** The committed events of a trade, read from the one physical database its gene names. */
    private List<String> eventTypes(String tradeNo) throws Exception {
        String database = "paysuite_trade_" + ShardGene.database(ShardGene.ofOrderNo(tradeNo), 2);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(database), db.username(), db.password());
             PreparedStatement ps = c.prepareStatement("SELECT event_type FROM trade_event WHERE trade_no = ?")) {
            ps.setString(1, tradeNo);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> types = new java.util.ArrayList<>();
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
                return types;
            }
        }
    }
}
