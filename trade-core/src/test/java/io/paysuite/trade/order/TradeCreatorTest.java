package io.paysuite.trade.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.ids.ShardGene;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeByOutTradeNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TradeCreatorTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    final InMemoryTrades store = new InMemoryTrades();
    final List<TradeEventDraft> published = new ArrayList<>();
    final TradeEvents events = new TradeEvents() {
        @Override
        public <T> T publishWith(TradeEventDraft draft, Supplier<T> localWork) {
            T result = localWork.get(); // throws → nothing published, like a rollback
            published.add(draft);
            return result;
        }
    };
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final OrderNo orderNo = new OrderNo(clock, 3);
    final TradeCreator creator = new TradeCreator(store, store, events, orderNo, clock,
            new TradeProperties(Duration.ofMinutes(30), Duration.ofDays(15), false));
    final TradeFinder finder = new TradeFinder(store, store);

    @Test
    void aNewTradeWaitsForPaymentAndCarriesTheBuyersGene() {
        TradeDTO trade = creator.create(cmd("ORDER-0001", "10000000007", 1000));

        assertThat(trade.status()).isEqualTo(TradeStatus.WAIT_PAY);
        assertThat(trade.tradeNo()).hasSize(26).startsWith("T").endsWith("0007");
        assertThat(trade.timeExpire()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(trade.paidAmount()).isEqualTo(Money.cny(0));
    }

    @Test
    void aFirstRequestWritesWithoutReadingAnythingFirst() {
        creator.create(cmd("ORDER-0020", "10000000007", 1000));

        // the index's primary key decides first or repeat, and a number minted now holds no trade yet
        assertThat(store.indexReads).isZero();
        assertThat(store.tradeReads).isZero();
    }

    @Test
    void aRepeatWhoseTimeExpireHasPassedSinceStillAnswersTheFirstTrade() {
        CreateTradeCmd first = withTimeExpire(cmd("ORDER-0021", "10000000007", 1000), NOW.plusSeconds(60));
        TradeDTO created = creator.create(first);
        TradeCreator later = new TradeCreator(store, store, events, orderNo, Clock.fixed(NOW.plusSeconds(120), ZoneOffset.UTC),
                new TradeProperties(Duration.ofMinutes(30), Duration.ofDays(15), false));

        assertThat(later.createOrRepeat(first).value()).isEqualTo(created);
        assertThat(later.createOrRepeat(first).repeated()).isTrue();
    }

    @Test
    void aPaymentCodeTradeWithoutTimeExpireIsGivenSecondsNotTheCashiersHalfHour() {
        // a till waits at the counter: a trade its payment never reached must close within the minute
        TradeDTO trade = creator.create(withMethods(cmd("ORDER-0010", null, 1000), List.of(PayMethod.WECHAT_CODE)));

        assertThat(trade.timeExpire()).isEqualTo(NOW.plus(Duration.ofSeconds(45)));
    }

    @Test
    void aTradeWithoutBuyerTakesTheGeneOfTheMerchantOrderKey() {
        TradeDTO trade = creator.create(cmd("ORDER-0002", null, 1000));

        assertThat(ShardGene.ofOrderNo(trade.tradeNo())).isEqualTo(ShardGene.ofKey("M100001|ORDER-0002"));
    }

    @Test
    void creationPublishesOneTradeCreatedEventWithTheTradesGene() {
        TradeDTO trade = creator.create(cmd("ORDER-0003", "10000000007", 1000));

        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.eventType()).isEqualTo("TRADE_CREATED");
            assertThat(event.tradeNo()).isEqualTo(trade.tradeNo());
            assertThat(event.eventId()).startsWith("E").endsWith("0007");
            assertThat(event.payload()).contains(trade.tradeNo()).contains("WAIT_PAY");
        });
    }

    @Test
    void repeatedCreateWithSameContentReturnsFirstTrade() {
        TradeDTO first = creator.create(cmd("ORDER-0004", "10000000007", 1000));
        TradeDTO again = creator.create(cmd("ORDER-0004", "10000000007", 1000));

        assertThat(again).isEqualTo(first);
        assertThat(store.trades).hasSize(1);
        assertThat(published).hasSize(1);
    }

    @Test
    void sameOutTradeNoWithDifferentContentIsRefused() {
        creator.create(cmd("ORDER-0005", "10000000007", 1000));

        assertThatThrownBy(() -> creator.create(cmd("ORDER-0005", "10000000007", 1001)))
                .isInstanceOfSatisfying(BizException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.OUT_TRADE_NO_USED));
        assertThat(store.trades).hasSize(1);
    }

    @Test
    void aRepeatAfterACrashBetweenIndexAndTradeCompletesTheRecordedTrade() {
        CreateTradeCmd cmd = cmd("ORDER-0006", "10000000007", 1000);
        String recorded = orderNo.next(OrderNo.Kind.TRADE, 7);
        Instant claimedAt = NOW.minusSeconds(5);
        store.claim(new MerchantOrderEntry("M100001", "ORDER-0006", recorded, CreateTradeDigest.of(cmd), claimedAt));

        TradeDTO trade = creator.create(cmd);

        assertThat(trade.tradeNo()).isEqualTo(recorded);
        assertThat(trade.createdAt()).isEqualTo(claimedAt);
        assertThat(store.trades).containsOnlyKeys(recorded);
    }

    @Test
    void aRepeatLosingTheRaceToInsertTheTradePublishesNothing() {
        CreateTradeCmd cmd = cmd("ORDER-0007", "10000000007", 1000);
        String recorded = orderNo.next(OrderNo.Kind.TRADE, 7);
        store.claim(new MerchantOrderEntry("M100001", "ORDER-0007", recorded, CreateTradeDigest.of(cmd), NOW));
        Trade winner = Trade.open(recorded, cmd, NOW, Duration.ofMinutes(30));
        TradeRepository racing = new InMemoryTrades() {
            @Override
            public boolean insert(Trade trade) {
                store.insert(winner); // the other writer commits first
                return store.insert(trade);
            }

            @Override
            public java.util.Optional<Trade> find(String tradeNo) {
                return store.find(tradeNo);
            }

            @Override
            public boolean transition(String tradeNo, TradeStatus from, TradeStatus to, Instant at) {
                return store.transition(tradeNo, from, to, at);
            }
        };
        TradeCreator creatorLosingRace = new TradeCreator(store, racing, events, orderNo, clock,
                new TradeProperties(Duration.ofMinutes(30), Duration.ofDays(15), false));

        assertThat(creatorLosingRace.create(cmd).tradeNo()).isEqualTo(recorded);
        assertThat(published).isEmpty();
    }

    @Test
    void aRepeatIsAnsweredEvenAfterItsTimeExpireHasPassed() {
        CreateTradeCmd cmd = withTimeExpire(cmd("ORDER-0008", null, 1000), NOW.plusSeconds(60));
        TradeDTO first = creator.create(cmd);
        TradeCreator later = new TradeCreator(store, store, events, orderNo, Clock.offset(clock, Duration.ofHours(1)),
                new TradeProperties(Duration.ofMinutes(30), Duration.ofDays(15), false));

        assertThat(later.create(cmd)).isEqualTo(first);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        assertParamError(cmd("short", "10000000007", 1000), "out_trade_no");
        assertParamError(cmd("ORDER-0009", "10000000007", 0), "amount.total");
        assertParamError(withTimeExpire(cmd("ORDER-0009", null, 1000), NOW.minusSeconds(1)), "time_expire");
        assertParamError(withTimeExpire(cmd("ORDER-0009", null, 1000), NOW.plus(Duration.ofDays(16))), "time_expire");

        assertThat(store.index).isEmpty();
        assertThat(store.trades).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void aTradeIsFoundByNumberAndByMerchantOrderNumber() {
        TradeDTO trade = creator.create(cmd("ORDER-0010", "10000000007", 1000));

        assertThat(finder.get(new TradeByNoQry(trade.tradeNo(), "M100001"))).isEqualTo(trade);
        assertThat(finder.getByOutTradeNo(new TradeByOutTradeNoQry("M100001", "ORDER-0010"))).isEqualTo(trade);
    }

    @Test
    void anotherMerchantsTradeAndAMalformedNumberAreNotFound() {
        TradeDTO trade = creator.create(cmd("ORDER-0011", "10000000007", 1000));

        assertNotFound(() -> finder.get(new TradeByNoQry(trade.tradeNo(), "M999999")));
        assertNotFound(() -> finder.get(TradeByNoQry.internal("T2026112210000003000009999")));
        assertNotFound(() -> finder.get(TradeByNoQry.internal("not-a-trade-number")));
        assertNotFound(() -> finder.getByOutTradeNo(new TradeByOutTradeNoQry("M999999", "ORDER-0011")));
    }

    @Test
    void aTradeCarriesTheAllowedPaymentMethodsAndNoPaymentYet() {
        TradeDTO trade = creator.create(withMethods(cmd("ORDER-0012", "10000000007", 1000),
                List.of(PayMethod.BALANCE, PayMethod.ALIPAY_QR)));

        assertThat(trade.paymentMethods()).containsExactly(PayMethod.BALANCE, PayMethod.ALIPAY_QR);
        assertThat(trade.payments()).isEmpty();
        assertThat(trade.payerId()).as("nobody has paid yet").isNull();
        assertThat(published).singleElement().satisfies(event ->
                assertThat(event.payload()).contains("[\"BALANCE\",\"ALIPAY_QR\"]"));
        assertThat(creator.create(cmd("ORDER-0013", null, 1000)).paymentMethods()).as("none: any method").isEmpty();
    }

    @Test
    void sameOutTradeNoWithOtherPaymentMethodsIsRefused() {
        CreateTradeCmd first = withMethods(cmd("ORDER-0014", "10000000007", 1000), List.of(PayMethod.BALANCE));
        TradeDTO trade = creator.create(first);

        assertThat(creator.create(first)).isEqualTo(trade);
        for (List<PayMethod> other : List.of(List.<PayMethod>of(), List.of(PayMethod.WECHAT_QR),
                List.of(PayMethod.BALANCE, PayMethod.WECHAT_QR))) {
            assertThatThrownBy(() -> creator.create(withMethods(first, other)))
                    .as("methods %s", other)
                    .isInstanceOfSatisfying(BizException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.OUT_TRADE_NO_USED));
        }
        assertThat(store.trades).hasSize(1);
    }

    private void assertParamError(CreateTradeCmd cmd, String field) {
        assertThatThrownBy(() -> creator.create(cmd)).isInstanceOfSatisfying(BizException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PARAM_ERROR);
            assertThat(e.getMessage()).startsWith(field + " ");
        });
    }

    private static void assertNotFound(Runnable query) {
        assertThatThrownBy(query::run).isInstanceOfSatisfying(BizException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.TRADE_NOT_FOUND));
    }

    static CreateTradeCmd cmd(String outTradeNo, String buyerId, long amount) {
        return new CreateTradeCmd("M100001", outTradeNo, TradeType.INSTANT, Money.cny(amount), "Coffee", buyerId,
                "https://merchant.example/notify", null, null, null);
    }

    static CreateTradeCmd withTimeExpire(CreateTradeCmd c, Instant timeExpire) {
        return new CreateTradeCmd(c.merchantId(), c.outTradeNo(), c.tradeType(), c.amount(), c.subject(), c.buyerId(),
                c.notifyUrl(), c.returnUrl(), c.attach(), timeExpire, c.paymentMethods());
    }

    static CreateTradeCmd withMethods(CreateTradeCmd c, List<PayMethod> methods) {
        return new CreateTradeCmd(c.merchantId(), c.outTradeNo(), c.tradeType(), c.amount(), c.subject(), c.buyerId(),
                c.notifyUrl(), c.returnUrl(), c.attach(), c.timeExpire(), methods);
    }
}
