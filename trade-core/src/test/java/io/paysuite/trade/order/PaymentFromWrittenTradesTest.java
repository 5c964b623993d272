package io.paysuite.trade.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.event.EventType;
import io.paysuite.api.event.PaySucceeded;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.trade.BeginPayCmd;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A payment whose steps reach the instance that made the previous one: {@code beginPay} takes the trade as this
 * instance created it, {@code PAY_SUCCEEDED} pays it as this instance's {@code beginPay} wrote it, neither reading the
 * row; a row changed meanwhile anywhere else is read and decided from as before.
 */
class PaymentFromWrittenTradesTest {

    static final Instant NOW = Instant.parse("2026-12-07T21:00:00Z");
    static final String PAY_ORDER_NO = "P2026120721000003000010001";
    static final String OTHER_PAY_ORDER_NO = "P2026120721000003000010002";
    static final String BUYER = "10000000007";

    final InMemoryTrades store = new InMemoryTrades();
    final List<TradeEventDraft> committed = new ArrayList<>();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final TradeEvents events = new TradeEvents() {
        @Override
        public <T> T publishWith(TradeEventDraft draft, Supplier<T> localWork) {
            T result = localWork.get(); // throws when the compare-and-set missed: nothing committed
            committed.add(draft);
            return result;
        }
    };
    final OrderNo orderNo = new OrderNo(clock, 3);
    final TradeProperties props = new TradeProperties(Duration.ofMinutes(30), Duration.ofDays(15), false);
    final WrittenTrades written = new WrittenTrades(100, Duration.ofSeconds(30), clock);
    final TradeFinder finder = new TradeFinder(store, store);
    final TradeChanges changes = new TradeChanges(events, orderNo);
    final TradeCreator creator = new TradeCreator(store, store, events, orderNo, clock, props,
            io.paysuite.kit.sharding.ShardReads.THROUGH_SHARDING, written);
    final TradePayments payments = new TradePayments(store, finder, new TradeCloser(finder, store, changes, clock), changes,
            clock, written);
    /** Another trade-core instance: same tables, its own (empty) memory. */
    final TradePayments elsewhere = new TradePayments(store, finder, new TradeCloser(finder, store, changes, clock), changes,
            clock);

    @Test
    void beginPayTakesTheTradeThisInstanceCreatedWithoutReadingIt() {
        TradeDTO trade = creator.create(TradeCreatorTest.cmd("ORDER-W0001", null, 1000));

        TradeDTO answered = payments.beginPay(new BeginPayCmd(trade.tradeNo(), PAY_ORDER_NO, BUYER));

        assertThat(store.tradeReads).as("reads of the trade").isZero();
        assertThat(answered).isEqualTo(store.trades.get(trade.tradeNo()).toDTO());
        assertThat(answered.status()).isEqualTo(TradeStatus.PAYING);
        assertThat(types()).containsExactly(EventType.TRADE_CREATED.tag(), EventType.TRADE_PAYING.tag());
    }

    @Test
    void aPaymentThisInstanceTookIsRecordedWithoutReadingTheTrade() {
        TradeDTO trade = created("ORDER-W0002");
        elsewhere.beginPay(new BeginPayCmd(trade.tradeNo(), OTHER_PAY_ORDER_NO, BUYER)); // the other instance's attempt
        elsewhere.abandonPay(new io.paysuite.api.trade.AbandonPayCmd(trade.tradeNo(), OTHER_PAY_ORDER_NO, "declined"));
        payments.beginPay(new BeginPayCmd(trade.tradeNo(), PAY_ORDER_NO, BUYER));
        int reads = store.tradeReads;

        payments.recordPaid(trade.tradeNo(), PAY_ORDER_NO, Money.cny(1000), BUYER, PayMethod.WECHAT_CODE, "WECHAT", NOW);

        assertThat(store.tradeReads - reads).as("reads of the trade by recordPaid").isZero();
        Trade paid = store.trades.get(trade.tradeNo());
        assertThat(paid.status()).isEqualTo(TradeStatus.SUCCESS);
        assertThat(lastPayload()).as("TRADE_SUCCEEDED carries the row it wrote")
                .isEqualTo(payloadOf(EventType.TRADE_SUCCEEDED, paid));
        assertThat(written.written(trade.tradeNo())).as("the paid trade is kept, for the repeat that follows")
                .contains(paid);
    }

    @Test
    void theMessageAfterPayCoresHandOverIsARepeatThatReadsNothing() {
        TradeDTO trade = created("ORDER-W0009");
        payments.beginPay(new BeginPayCmd(trade.tradeNo(), PAY_ORDER_NO, BUYER));
        payments.recordPaid(trade.tradeNo(), PAY_ORDER_NO, Money.cny(1000), BUYER, PayMethod.WECHAT_CODE, "WECHAT", NOW);
        Trade paid = store.trades.get(trade.tradeNo());
        int reads = store.tradeReads;

        payments.recordPaid(trade.tradeNo(), PAY_ORDER_NO, Money.cny(1000), BUYER, PayMethod.WECHAT_CODE, "WECHAT",
                NOW.plusMillis(3));

        assertThat(store.tradeReads - reads).as("PAY_SUCCEEDED after the hand-over: no read").isZero();
        assertThat(store.trades.get(trade.tradeNo())).isEqualTo(paid);
        assertThat(types()).containsOnlyOnce(EventType.TRADE_SUCCEEDED.tag());
    }

    @Test
    void anotherPayOrdersMoneyForATradePaidHereIsStillReadAndNotApplied() {
        TradeDTO trade = created("ORDER-W0010");
        payments.beginPay(new BeginPayCmd(trade.tradeNo(), PAY_ORDER_NO, BUYER));
        payments.recordPaid(trade.tradeNo(), PAY_ORDER_NO, Money.cny(1000), BUYER, PayMethod.WECHAT_CODE, "WECHAT", NOW);
        Trade paid = store.trades.get(trade.tradeNo());
        int reads = store.tradeReads;

        payments.recordPaid(trade.tradeNo(), OTHER_PAY_ORDER_NO, Money.cny(1000), BUYER, PayMethod.WECHAT_CODE, "WECHAT",
                NOW.plusSeconds(1));

        assertThat(store.tradeReads - reads).as("not this pay order's payment: decided from the row").isEqualTo(1);
        assertThat(store.trades.get(trade.tradeNo())).isEqualTo(paid);
        assertThat(types()).containsOnlyOnce(EventType.TRADE_SUCCEEDED.tag());
    }

    @Test
    void aTradeClosedElsewhereAfterItsCreationHereIsReadAndRefused() {
        TradeDTO trade = creator.create(TradeCreatorTest.cmd("ORDER-W0003", null, 1000));
        store.trades.put(trade.tradeNo(), store.trades.get(trade.tradeNo()).closed(NOW)); // another instance closed it

        assertThatThrownBy(() -> payments.beginPay(new BeginPayCmd(trade.tradeNo(), PAY_ORDER_NO, BUYER)))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TRADE_CLOSED));

        assertThat(store.versionedMisses).isEqualTo(1);
        assertThat(store.tradeReads).isEqualTo(1);
        assertThat(store.trades.get(trade.tradeNo()).status()).isEqualTo(TradeStatus.CLOSED);
        assertThat(types()).containsExactly(EventType.TRADE_CREATED.tag());
    }

    @Test
    void aTradeTakenElsewhereAfterItsCreationHereIsReadAndRefusedToAnotherPayOrder() {
        TradeDTO trade = creator.create(TradeCreatorTest.cmd("ORDER-W0004", null, 1000));
        elsewhere.beginPay(new BeginPayCmd(trade.tradeNo(), OTHER_PAY_ORDER_NO, BUYER));

        assertThatThrownBy(() -> payments.beginPay(new BeginPayCmd(trade.tradeNo(), PAY_ORDER_NO, BUYER)))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TRADE_PAYING));
        assertThat(store.trades.get(trade.tradeNo()).payOrderNo()).isEqualTo(OTHER_PAY_ORDER_NO);
        assertThat(store.versionedMisses).isEqualTo(1);
    }

    @Test
    void aPaymentRecordedElsewhereIsARepeatHereNotASecondEvent() {
        TradeDTO trade = created("ORDER-W0005");
        payments.beginPay(new BeginPayCmd(trade.tradeNo(), PAY_ORDER_NO, BUYER));
        elsewhere.recordPaid(trade.tradeNo(), PAY_ORDER_NO, Money.cny(1000), BUYER, PayMethod.WECHAT_CODE, "WECHAT", NOW);
        Trade paid = store.trades.get(trade.tradeNo());

        payments.recordPaid(trade.tradeNo(), PAY_ORDER_NO, Money.cny(1000), BUYER, PayMethod.WECHAT_CODE, "WECHAT",
                NOW.plusSeconds(1));

        assertThat(store.trades.get(trade.tradeNo())).isEqualTo(paid);
        assertThat(types()).containsOnlyOnce(EventType.TRADE_SUCCEEDED.tag());
        assertThat(store.versionedMisses).isEqualTo(1);
    }

    @Test
    void aTradeGivenBackAndTakenAgainElsewhereIsPaidFromTheRowRead() {
        TradeDTO trade = created("ORDER-W0006");
        payments.beginPay(new BeginPayCmd(trade.tradeNo(), PAY_ORDER_NO, BUYER));
        // another instance gave the trade back and the same pay order took it again: same status and holder, new version
        elsewhere.abandonPay(new io.paysuite.api.trade.AbandonPayCmd(trade.tradeNo(), PAY_ORDER_NO, "retry"));
        elsewhere.beginPay(new BeginPayCmd(trade.tradeNo(), PAY_ORDER_NO, BUYER));
        int version = store.trades.get(trade.tradeNo()).version();

        payments.recordPaid(trade.tradeNo(), PAY_ORDER_NO, Money.cny(1000), BUYER, PayMethod.WECHAT_CODE, "WECHAT", NOW);

        Trade paid = store.trades.get(trade.tradeNo());
        assertThat(paid.status()).isEqualTo(TradeStatus.SUCCESS);
        assertThat(paid.version()).isEqualTo(version + 1);
        assertThat(lastPayload()).isEqualTo(payloadOf(EventType.TRADE_SUCCEEDED, paid));
        assertThat(store.versionedMisses).isEqualTo(1);
    }

    @Test
    void moneyForAPayOrderThatNoLongerHoldsTheTradeIsStillNotApplied() {
        TradeDTO trade = created("ORDER-W0007");
        payments.beginPay(new BeginPayCmd(trade.tradeNo(), PAY_ORDER_NO, BUYER));
        elsewhere.abandonPay(new io.paysuite.api.trade.AbandonPayCmd(trade.tradeNo(), PAY_ORDER_NO, "timeout"));
        elsewhere.beginPay(new BeginPayCmd(trade.tradeNo(), OTHER_PAY_ORDER_NO, BUYER));

        payments.recordPaid(trade.tradeNo(), PAY_ORDER_NO, Money.cny(1000), BUYER, PayMethod.WECHAT_CODE, "WECHAT", NOW);

        Trade now = store.trades.get(trade.tradeNo());
        assertThat(now.status()).isEqualTo(TradeStatus.PAYING);
        assertThat(now.payOrderNo()).isEqualTo(OTHER_PAY_ORDER_NO);
        assertThat(types()).doesNotContain(EventType.TRADE_SUCCEEDED.tag());
    }

    @Test
    void aPaymentRecordedFromThisInstancesImageAnswersTheTradeItWroteWithoutARead() {
        TradeDTO trade = created("ORDER-W0011");
        payments.beginPay(new BeginPayCmd(trade.tradeNo(), PAY_ORDER_NO, BUYER));
        int reads = store.tradeReads;

        Trade answered = payments.recordPaid(trade.tradeNo(), PAY_ORDER_NO, Money.cny(1000), BUYER, PayMethod.WECHAT_CODE,
                "WECHAT", NOW);

        assertThat(store.tradeReads - reads).as("reads of the trade to answer it").isZero();
        assertPaidByThisPayOrder(answered);
        assertThat(answered).isEqualTo(store.trades.get(trade.tradeNo()));
    }

    @Test
    void theRepeatAfterPayCoresHandOverAnswersTheRememberedTradeWithoutARead() {
        TradeDTO trade = created("ORDER-W0012");
        payments.beginPay(new BeginPayCmd(trade.tradeNo(), PAY_ORDER_NO, BUYER));
        payments.recordPaid(trade.tradeNo(), PAY_ORDER_NO, Money.cny(1000), BUYER, PayMethod.WECHAT_CODE, "WECHAT", NOW);
        int reads = store.tradeReads;

        Trade answered = PaidByPayCore.record(payments, paySucceeded(trade.tradeNo(), PAY_ORDER_NO, NOW.plusMillis(3)));

        assertThat(store.tradeReads - reads).as("reads of the trade to answer the repeat").isZero();
        assertPaidByThisPayOrder(answered);
        assertThat(answered).isEqualTo(store.trades.get(trade.tradeNo()));
    }

    @Test
    void aPaymentPaidFromTheRowReadAnswersWhatItWroteWithOnlyThatRead() {
        TradeDTO trade = created("ORDER-W0013");
        elsewhere.beginPay(new BeginPayCmd(trade.tradeNo(), PAY_ORDER_NO, BUYER)); // this instance holds no image
        int reads = store.tradeReads;

        Trade answered = payments.recordPaid(trade.tradeNo(), PAY_ORDER_NO, Money.cny(1000), BUYER, PayMethod.WECHAT_CODE,
                "WECHAT", NOW);

        assertThat(store.tradeReads - reads).as("the read that decides, and no other").isEqualTo(1);
        assertPaidByThisPayOrder(answered);
        assertThat(answered).isEqualTo(store.trades.get(trade.tradeNo()));
    }

    @Test
    void aPaymentRecordedElsewhereAnswersTheRowReadToDecide() {
        TradeDTO trade = created("ORDER-W0014");
        payments.beginPay(new BeginPayCmd(trade.tradeNo(), PAY_ORDER_NO, BUYER));
        elsewhere.recordPaid(trade.tradeNo(), PAY_ORDER_NO, Money.cny(1000), BUYER, PayMethod.WECHAT_CODE, "WECHAT", NOW);
        int reads = store.tradeReads;

        Trade answered = payments.recordPaid(trade.tradeNo(), PAY_ORDER_NO, Money.cny(1000), BUYER, PayMethod.WECHAT_CODE,
                "WECHAT", NOW.plusSeconds(1));

        assertThat(store.tradeReads - reads).as("the image missed; the row read decides and is answered").isEqualTo(1);
        assertPaidByThisPayOrder(answered);
        assertThat(answered).isEqualTo(store.trades.get(trade.tradeNo()));
    }

    @Test
    void moneyNotAppliedAnswersTheTradeAsRead() {
        TradeDTO trade = created("ORDER-W0015");
        payments.beginPay(new BeginPayCmd(trade.tradeNo(), PAY_ORDER_NO, BUYER));
        elsewhere.abandonPay(new io.paysuite.api.trade.AbandonPayCmd(trade.tradeNo(), PAY_ORDER_NO, "timeout"));
        elsewhere.beginPay(new BeginPayCmd(trade.tradeNo(), OTHER_PAY_ORDER_NO, BUYER));
        int reads = store.tradeReads;

        Trade answered = payments.recordPaid(trade.tradeNo(), PAY_ORDER_NO, Money.cny(1000), BUYER, PayMethod.WECHAT_CODE,
                "WECHAT", NOW);

        assertThat(store.tradeReads - reads).isEqualTo(1);
        assertThat(answered).isEqualTo(store.trades.get(trade.tradeNo()));
        assertThat(answered.status()).isEqualTo(TradeStatus.PAYING);
        assertThat(answered.payOrderNo()).isEqualTo(OTHER_PAY_ORDER_NO);
    }

    @Test
    void aConcurrentDeliveryWinningAfterTheReadIsAnsweredAsItLeftTheTrade() {
        AtomicReference<String> raced = new AtomicReference<>();
        InMemoryTrades racing = new InMemoryTrades() {
            @Override
            public Optional<Trade> find(String tradeNo) {
                Optional<Trade> row = super.find(tradeNo);
                if (tradeNo.equals(raced.get()) && row.orElseThrow().status() == TradeStatus.PAYING) {
                    // the other delivery of the same payment commits between this read and the compare-and-set
                    super.markPaid(tradeNo, PAY_ORDER_NO, row.get().paid(Money.cny(1000), BUYER, PayMethod.WECHAT_CODE,
                            "WECHAT", NOW));
                }
                return row;
            }
        };
        TradeFinder racingFinder = new TradeFinder(racing, racing);
        TradePayments here = new TradePayments(racing, racingFinder, new TradeCloser(racingFinder, racing, changes, clock),
                changes, clock);
        TradeDTO trade = new TradeCreator(racing, racing, events, orderNo, clock, props)
                .create(TradeCreatorTest.cmd("ORDER-W0016", null, 1000));
        here.beginPay(new BeginPayCmd(trade.tradeNo(), PAY_ORDER_NO, BUYER));
        raced.set(trade.tradeNo());
        int reads = racing.tradeReads;

        Trade answered = here.recordPaid(trade.tradeNo(), PAY_ORDER_NO, Money.cny(1000), BUYER, PayMethod.WECHAT_CODE,
                "WECHAT", NOW.plusMillis(5));

        assertThat(racing.tradeReads - reads).as("only the lost race reads the trade again").isEqualTo(2);
        assertPaidByThisPayOrder(answered);
        assertThat(answered).as("not the PAYING row it read").isEqualTo(racing.trades.get(trade.tradeNo()));
        assertThat(types()).doesNotContain(EventType.TRADE_SUCCEEDED.tag());
    }

    private static void assertPaidByThisPayOrder(Trade answered) {
        assertThat(answered.status()).isEqualTo(TradeStatus.SUCCESS);
        assertThat(answered.payOrderNo()).isEqualTo(PAY_ORDER_NO);
    }

    private static PaySucceeded paySucceeded(String tradeNo, String payOrderNo, Instant finishedAt) {
        return new PaySucceeded(payOrderNo, tradeNo, "REQ-1", BUYER, "M1", PayMethod.WECHAT_CODE, PayOrderStatus.SUCCESS, Money.cny(1000),
                finishedAt.minusSeconds(1), finishedAt, "WECHAT");
    }

    /** A trade created by another instance: this one holds no image of it. */
    private TradeDTO created(String outTradeNo) {
        return new TradeCreator(store, store, events, orderNo, clock, props).create(TradeCreatorTest.cmd(outTradeNo, null, 1000));
    }

    private List<String> types() {
        return committed.stream().map(TradeEventDraft::eventType).toList();
    }

    private String lastPayload() {
        return committed.get(committed.size() - 1).payload();
    }

    /** The payload {@code type} would carry for {@code trade} (under the last event's id). */
    private String payloadOf(EventType<TradeDTO> type, Trade trade) {
        return TradeEventDraft.of(committed.get(committed.size() - 1).eventId(), trade.tradeNo(), type, trade.toDTO()).payload();
    }
}
