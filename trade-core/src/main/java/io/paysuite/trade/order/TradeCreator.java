package io.paysuite.trade.order;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.event.EventType;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.ids.ShardGene;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.kit.sharding.ShardReads;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Executes {@link CreateTradeCmd}: idempotent on (merchant, merchant order number).
 *
 * <p>The merchant order index and the trade usually live in different shards and there is no
 * distributed transaction, so creation is ordered to be safe at every crash point:
 * <ol>
 *   <li>insert the index row (merchant, out_trade_no → trade number, request digest): its primary
 *       key decides a race between duplicates; the loser reads the winner's row;</li>
 *   <li>insert the trade and its {@code TRADE_CREATED} event in ONE local transaction in the
 *       trade's shard ({@link TradeEvents#publishWith}).</li>
 * </ol>
 * A repeat (same digest) that finds the index row and the trade answers the trade. A repeat that
 * finds the index row but no trade — the first attempt died between the two steps, or is still
 * between them — completes the creation with the RECORDED trade number and creation time, so
 * both writers would write the same row; the primary key on {@code trade_no} lets one win and the
 * other reads it. A different digest answers {@code OUT_TRADE_NO_USED}. A merchant order number
 * whose trade never gets completed stays claimed: the merchant's repeat completes it.
 *
 * <p>With direct routes on, no statement of it goes through ShardingSphere on the request's thread: the index's claim
 * and read go straight to the physical table the merchant's gene names (the index's {@code ShardReads.byKey}), and the
 * trade's transaction is pinned to the trade's shard ({@link ShardReads#onShardOf}, as {@link TradeChanges#commit}
 * is): both of its rows are placed by the trade number's gene, the event id being made with it. (The event's published
 * mark follows later, batched with others on the marks' own thread, through ShardingSphere.)
 */
@Component
public class TradeCreator {

    private static final Logger log = LoggerFactory.getLogger(TradeCreator.class);

    private final MerchantOrderIndex index;
    private final TradeRepository trades;
    private final TradeEvents events;
    private final OrderNo orderNo;
    private final Clock clock;
    private final TradeProperties props;
    private final CreateTradeRules rules;
    private final ShardReads shards;
    private final WrittenTrades written;

    /** Through ShardingSphere as it is (tests over in-memory stores). */
    public TradeCreator(MerchantOrderIndex index, TradeRepository trades, TradeEvents events, OrderNo orderNo,
                        Clock clock, TradeProperties props) {
        this(index, trades, events, orderNo, clock, props, ShardReads.THROUGH_SHARDING, WrittenTrades.NONE);
    }

    /** Remembering nothing it wrote. */
    public TradeCreator(MerchantOrderIndex index, TradeRepository trades, TradeEvents events, OrderNo orderNo,
                        Clock clock, TradeProperties props, ShardReads shards) {
        this(index, trades, events, orderNo, clock, props, shards, WrittenTrades.NONE);
    }

    /**
     * @param shards  pins the creation's transaction to the trade's shard
     * @param written told of each trade created here, so that the payment taking it on this instance need not read it
     */
    @Autowired
    public TradeCreator(MerchantOrderIndex index, TradeRepository trades, TradeEvents events, OrderNo orderNo,
                        Clock clock, TradeProperties props, ShardReads shards, WrittenTrades written) {
        this.index = index;
        this.trades = trades;
        this.events = events;
        this.orderNo = orderNo;
        this.clock = clock;
        this.props = props;
        this.rules = new CreateTradeRules(props.allowHttpNotifyUrl(), props.maxExpiry());
        this.shards = shards;
        this.written = written;
    }

    public TradeDTO create(CreateTradeCmd cmd) {
        return createOrRepeat(cmd).value();
    }

    /**
     * Creates the trade, or answers the one an earlier request with the same content created. It is
     * a repeat unless this very call claimed the merchant order number (a request that finishes the
     * creation of a crashed first attempt counts as a repeat: the first one may have answered).
     */
    public FirstOrRepeat<TradeDTO> createOrRepeat(CreateTradeCmd cmd) {
        rules.checkShape(cmd);
        String digest = CreateTradeDigest.of(cmd);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // what DATETIME(3) keeps
        try {
            rules.checkTimeWindow(cmd, now);
        } catch (BizException outsideItsWindow) {
            // only a first request is held to the clock: a repeat of one valid when sent answers its trade
            MerchantOrderEntry entry = index.find(cmd.merchantId(), cmd.outTradeNo()).orElseThrow(() -> outsideItsWindow);
            return new FirstOrRepeat<>(existing(entry, cmd, digest), true);
        }
        // The index's primary key (merchant_id, out_trade_no) decides first or repeat: claim at once and
        // read only when it is taken, instead of a select before every insert.
        MerchantOrderEntry mine = new MerchantOrderEntry(cmd.merchantId(), cmd.outTradeNo(),
                orderNo.next(OrderNo.Kind.TRADE, geneOf(cmd)), digest, now);
        Optional<MerchantOrderEntry> earlier = index.claim(mine);
        if (earlier.isEmpty()) {
            // a number minted just now: no trade can hold it yet, so nothing to read first
            return new FirstOrRepeat<>(insert(Trade.open(mine.tradeNo(), cmd, mine.createdAt(),
                    props.defaultExpiryFor(cmd.paymentMethods()))).toDTO(), false);
        }
        return new FirstOrRepeat<>(existing(earlier.get(), cmd, digest), true);
    }

    /**
     * The trade an earlier request claimed the merchant order number for; created now if that request
     * crashed between the claim and the trade (the index row is the claim, the trade follows it).
     */
    private TradeDTO existing(MerchantOrderEntry entry, CreateTradeCmd cmd, String digest) {
        if (!entry.requestDigest().equals(digest)) {
            throw new BizException(ErrorCode.OUT_TRADE_NO_USED,
                    "out_trade_no " + cmd.outTradeNo() + " was used for a different request");
        }
        return trades.find(entry.tradeNo())
                .orElseGet(() -> insert(Trade.open(entry.tradeNo(), cmd, entry.createdAt(), props.defaultExpiryFor(cmd.paymentMethods()))))
                .toDTO();
    }

    /** The buyer's gene when the merchant names the buyer; else the merchant order key's, for life. */
    static int geneOf(CreateTradeCmd cmd) {
        return cmd.buyerId() != null
                ? ShardGene.ofUserId(cmd.buyerId())
                : ShardGene.ofKey(cmd.merchantId() + "|" + cmd.outTradeNo());
    }

    private Trade insert(Trade trade) {
        TradeEventDraft created = TradeEventDraft.of(
                orderNo.next(OrderNo.Kind.EVENT, ShardGene.ofOrderNo(trade.tradeNo())),
                trade.tradeNo(), EventType.TRADE_CREATED, trade.toDTO());
        try {
            // both rows carry the trade number's gene (the event id is made with it): one shard, one local transaction
            shards.onShardOf(trade.tradeNo(), () -> events.publishWith(created, () -> {
                if (!trades.insert(trade)) {
                    throw new CreatedMeanwhile(); // roll back: our event must not be published
                }
                return trade;
            }));
        } catch (CreatedMeanwhile concurrentRepeat) {
            // a concurrent repeat completed the same creation first; its row is identical
            return trades.find(trade.tradeNo()).orElseThrow(() ->
                    new IllegalStateException("trade " + trade.tradeNo() + " reported present but not found"));
        }
        if (trade.timeExpire().equals(trade.timeExpire().truncatedTo(ChronoUnit.MILLIS))) {
            // the row just committed, field for field (a time_expire finer than DATETIME(3) keeps is not: such a
            // trade's payment reads it): what beginPay takes, should it reach this instance
            written.wrote(trade);
        }
        log.info("trade created trade_no={} merchant_id={} out_trade_no={} amount={}",
                trade.tradeNo(), trade.merchantId(), trade.outTradeNo(), trade.amount());
        return trade;
    }

    /** The trade row was already there: leave the transaction without publishing our event. */
    private static final class CreatedMeanwhile extends RuntimeException {
        CreatedMeanwhile() {
            super(null, null, false, false);
        }
    }
}
