package io.paysuite.trade.infra.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.exceptions.ExceptionFactory;
import com.mysql.cj.jdbc.exceptions.SQLExceptionsMapping;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.money.Money;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeType;
import io.paysuite.kit.shadow.ShadowContext;
import io.paysuite.kit.sharding.DirectReads;
import io.paysuite.kit.sharding.ShardReads;
import io.paysuite.trade.config.RecordedShards;
import io.paysuite.trade.infra.event.TradeEventsProperties.Delivery;
import io.paysuite.trade.infra.order.MerchantIndexMapper;
import io.paysuite.trade.infra.order.ShardedMerchantOrderIndex;
import io.paysuite.trade.infra.order.ShardedTradeRepository;
import io.paysuite.trade.infra.order.TradeMapper;
import io.paysuite.trade.order.CreateTradeDigest;
import io.paysuite.trade.order.FirstOrRepeat;
import io.paysuite.trade.order.TradeCreator;
import io.paysuite.trade.order.TradeProperties;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.SqlSessionTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The creation of a trade as trade-core runs it — {@link TradeCreator} over the real merchant index, trade repository
 * and outbox, their real mappers through MyBatis, on {@link DirectReads} over trade-core's own rules — sends nothing
 * through ShardingSphere: the index's claim goes to the merchant's table, the trade and its event row commit in one
 * transaction pinned to the trade's shard.
 */
class TradeCreationRouteTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    /** {@code ShardGene.ofKey("M100004")} = 62: ds_0, trade_merchant_index_3. */
    static final String MERCHANT = "M100004";
    /** Gene 7: ds_1, trade_order_3, trade_event. */
    static final String BUYER = "10000000007";

    /**
     * After the send, the event's published mark: with the marks' flusher running (the service), batched off the
     * request's thread with other events' marks, of any shard, in one statement, so through ShardingSphere; here, with
     * no flusher, at once.
     */
    static final String PUBLISHED_MARK = "the published mark, batched by the marks' own thread in the service";

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final OrderNo orderNo = new OrderNo(clock, 3);
    final RecordedShards shards = new RecordedShards();
    final List<Message> sent = new ArrayList<>();

    @Test
    void aFirstCreationClaimsOnTheMerchantsTableAndCommitsTheTradeAndItsEventOnTheTradesShard() {
        TradeDTO trade = creator(shards.reads(true)).create(cmd("ORDER-1"));

        assertThat(trade.tradeNo()).endsWith("0007");
        assertThat(shards.statements).hasSize(4);
        assertThat(shards.statements.get(0)).startsWith("ds_0: INSERT INTO trade_merchant_index_3 (");
        assertThat(shards.statements.get(1)).startsWith("ds_1: INSERT INTO trade_order_3 (");
        assertThat(shards.statements.get(2)).startsWith("ds_1: INSERT INTO trade_event (");
        assertThat(shards.statements.get(3)).as(PUBLISHED_MARK)
                .startsWith("sharded: UPDATE trade_event SET published_at = ? WHERE published_at IS NULL AND event_id IN");
        assertThat(shards.ends).as("the claim in auto-commit; the trade and its event in one transaction")
                .containsExactly("ds_0: close", "ds_1: commit", "ds_1: close", "sharded: close");
        assertThat(sent).as("sent once committed").singleElement()
                .satisfies(message -> assertThat(message.getKeys()).contains(trade.tradeNo()));
    }

    @Test
    void aConcurrentRepeatThatInsertedTheTradeFirstRollsOursBackOnTheTradesShardAndAnswersTheirs() {
        String tradeNo = orderNo.next(OrderNo.Kind.TRADE, 7);
        CreateTradeCmd cmd = cmd("ORDER-2");
        // the first request claimed the number and is creating the trade; the repeat finds the claim, no trade yet
        shards.failNext(sql -> sql.startsWith("INSERT INTO trade_merchant_index_3"), connectorJ("Duplicate entry", 1062));
        shards.answer(sql -> sql.contains("FROM trade_merchant_index_3"), List.of(Map.of("merchant_id", MERCHANT,
                "out_trade_no", "ORDER-2", "trade_no", tradeNo, "request_digest", CreateTradeDigest.of(cmd),
                "created_at", LocalDateTime.ofInstant(NOW, ZoneOffset.UTC))));
        AtomicInteger tradeReads = new AtomicInteger();
        shards.answer(sql -> sql.contains("FROM trade_order_3") && tradeReads.incrementAndGet() > 1, List.of(tradeRow(tradeNo)));
        // ...and inserts it just before the repeat does
        shards.failNext(sql -> sql.startsWith("INSERT INTO trade_order_3"), connectorJ("Duplicate entry", 1062));

        FirstOrRepeat<TradeDTO> answered = creator(shards.reads(true)).createOrRepeat(cmd);

        assertThat(answered.repeated()).isTrue();
        assertThat(answered.value().tradeNo()).isEqualTo(tradeNo);
        assertThat(shards.statements).hasSize(5).noneMatch(sent -> sent.startsWith("sharded"));
        assertThat(shards.statements.get(2)).startsWith("ds_1: SELECT").contains("FROM trade_order_3 WHERE trade_no = ?");
        assertThat(shards.statements.get(3)).startsWith("ds_1: INSERT INTO trade_order_3 (");
        assertThat(shards.statements.get(4)).startsWith("ds_1: SELECT").contains("FROM trade_order_3 WHERE trade_no = ?");
        // (Spring's exception translator reads the database's product name once per data source, through ShardingSphere)
        assertThat(shards.ends.stream().filter(end -> !end.startsWith("sharded")))
                .as("our trade and event rolled back on the trade's connection")
                .containsExactly("ds_0: close", "ds_0: close", "ds_1: close", "ds_1: rollback", "ds_1: close", "ds_1: close");
        assertThat(sent).as("our event is not sent").isEmpty();
    }

    @Test
    void loadTrafficCreatesOnTheShadowSide() {
        try (ShadowContext.Scope marked = ShadowContext.enter()) {
            creator(shards.reads(true)).create(cmd("ORDER-3"));
        }

        assertThat(shards.statements).hasSize(4);
        assertThat(shards.statements.get(0)).startsWith("ds_0_shadow: INSERT INTO trade_merchant_index_3 (");
        assertThat(shards.statements.get(1)).startsWith("ds_1_shadow: INSERT INTO trade_order_3 (");
        assertThat(shards.statements.get(2)).startsWith("ds_1_shadow: INSERT INTO trade_event (");
        assertThat(shards.statements.get(3)).as(PUBLISHED_MARK).startsWith("sharded: UPDATE trade_event SET published_at");
    }

    @Test
    void switchedOffTheCreationGoesThroughShardingSphereAsBefore() {
        creator(shards.reads(false)).create(cmd("ORDER-4"));

        assertThat(shards.statements).hasSize(4).allSatisfy(sent -> assertThat(sent).startsWith("sharded: "));
        assertThat(shards.statements.get(0)).startsWith("sharded: INSERT INTO trade_merchant_index (");
        assertThat(shards.statements.get(1)).startsWith("sharded: INSERT INTO trade_order (");
        assertThat(shards.ends).containsExactly("sharded: close", "sharded: commit", "sharded: close", "sharded: close");
    }

    /** trade-core's creation as Spring wires it: the real index, repository and outbox over MyBatis on {@code reads}. */
    private TradeCreator creator(DirectReads reads) {
        SqlSessionTemplate mybatis = RecordedShards.mybatis(reads, MerchantIndexMapper.class, TradeMapper.class,
                TradeEventMapper.class);
        TradeEventMapper eventMapper = mybatis.getMapper(TradeEventMapper.class);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(reads));
        transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        TradeEventTransactionListener listener = new TradeEventTransactionListener(eventMapper, transactions,
                Duration.ofSeconds(60), clock, FaultHooks.none());
        RocketMqTradeEvents events = new RocketMqTradeEvents(TradeEventsProperties.defaults().withDelivery(Delivery.OUTBOX),
                eventMapper, transactions, listener, sent::add, clock, () -> false, new SimpleMeterRegistry());
        ShardReads shardReads = reads;
        return new TradeCreator(new ShardedMerchantOrderIndex(mybatis.getMapper(MerchantIndexMapper.class), shardReads),
                new ShardedTradeRepository(mybatis.getMapper(TradeMapper.class), shardReads), events, orderNo, clock,
                new TradeProperties(Duration.ofMinutes(30), Duration.ofDays(15), false), shardReads);
    }

    private static CreateTradeCmd cmd(String outTradeNo) {
        return new CreateTradeCmd(MERCHANT, outTradeNo, TradeType.INSTANT, Money.cny(1000), "Coffee", BUYER,
                "https://merchant.example/notify", null, null, null);
    }

    /** The row the concurrent repeat inserted, as trade_order holds it. */
    private static Map<String, Object> tradeRow(String tradeNo) {
        LocalDateTime created = LocalDateTime.ofInstant(NOW, ZoneOffset.UTC);
        Map<String, Object> row = new HashMap<>();
        row.put("trade_no", tradeNo);
        row.put("merchant_id", MERCHANT);
        row.put("out_trade_no", "ORDER-2");
        row.put("trade_type", "INSTANT");
        row.put("status", "WAIT_PAY");
        row.put("amount_minor", 1000L);
        row.put("currency", "CNY");
        row.put("paid_minor", 0L);
        row.put("refunded_minor", 0L);
        row.put("subject", "Coffee");
        row.put("buyer_id", BUYER);
        row.put("notify_url", "https://merchant.example/notify");
        row.put("time_expire", created.plusMinutes(30));
        row.put("created_at", created);
        row.put("updated_at", created);
        row.put("version", 0);
        return row;
    }

    private static SQLException connectorJ(String message, int errorCode) {
        return SQLExceptionsMapping.translateException(ExceptionFactory.createException(message, "23000", errorCode, false, null, null));
    }
}
