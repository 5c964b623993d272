package io.paysuite.trade.order;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.event.EventType;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.trade.BeginPayCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradePaymentDTO;
import io.paysuite.api.trade.TradePromotionDTO;
import io.paysuite.api.promotion.FundedBy;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trail.TrailEventDTO;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a payment is recorded on the trade, and the trail its events make. */
class TradePaidAndTrailTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    final InMemoryTrades store = new InMemoryTrades();
    final List<RecordedTradeEvent> committed = new ArrayList<>();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final TradeEvents events = new TradeEvents() {
        @Override
        public <T> T publishWith(TradeEventDraft draft, Supplier<T> localWork) {
            T result = localWork.get();
            committed.add(new RecordedTradeEvent(draft.eventId(), draft.eventType(), draft.payload(),
                    NOW.plusMillis(committed.size())));
            return result;
        }
    };
    final OrderNo orderNo = new OrderNo(clock, 3);
    /** configured like trade-core's Spring ObjectMapper (application.yml and Spring Boot's defaults) */
    final JsonMapper json = JsonMapper.builder().findAndAddModules()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    final TradeProperties props = new TradeProperties(Duration.ofMinutes(30), Duration.ofDays(15), false);
    final TradeCreator creator = new TradeCreator(store, store, events, orderNo, clock, props);
    final TradeFinder finder = new TradeFinder(store, store);
    final TradeChanges changes = new TradeChanges(events, orderNo);
    final TradePayments payments = new TradePayments(store, finder, new TradeCloser(finder, store, changes, clock), changes, clock);
    final TradeTrail trail = new TradeTrail(finder, tradeNo -> committed.stream()
            .filter(event -> event.payload().contains(tradeNo)).toList());

    @Test
    void beginPayAnswersWhatItsCompareAndSetWroteWithoutReadingTheTradeBack() {
        TradeDTO trade = creator.create(TradeCreatorTest.cmd("ORDER-BP0001", null, 1000));
        int readsBefore = store.tradeReads;

        TradeDTO answered = payments.beginPay(new BeginPayCmd(trade.tradeNo(), "P2026112210000003000010009", "10000000007"));

        assertThat(store.tradeReads - readsBefore).as("the one read before the change").isEqualTo(1);
        assertThat(answered).isEqualTo(finder.get(TradeByNoQry.internal(trade.tradeNo())));
        assertThat(answered.status()).isEqualTo(TradeStatus.PAYING);
    }

    @Test
    void aBalancePaymentIsRecordedWithTheWalletChannelAndThePayer() {
        TradeDTO trade = paying(null, "P2026112210000003000010001", List.of(PayMethod.BALANCE));

        payments.recordPaid(trade.tradeNo(), "P2026112210000003000010001", Money.cny(1000), "10000000007",
                PayMethod.BALANCE, null, NOW);

        TradeDTO paid = finder.get(TradeByNoQry.internal(trade.tradeNo()));
        assertThat(paid.status()).isEqualTo(TradeStatus.SUCCESS);
        assertThat(paid.paymentMethods()).containsExactly(PayMethod.BALANCE);
        assertThat(paid.payments()).containsExactly(
                new TradePaymentDTO(PayMethod.BALANCE, Money.cny(1000), TradePaymentDTO.WALLET_CHANNEL));
        assertThat(paid.payerId()).as("a trade created without a buyer learns its payer").isEqualTo("10000000007");
        assertThat(paid.paidAt()).isEqualTo(NOW);
    }

    @Test
    void aCombinationPaymentListsEveryPartWhatTheBuyerPaidAndTheCouponsFunder() {
        TradeDTO trade = paying(null, "P2026112210000003000010005", List.of());
        TradePromotion promotion = TradePromotion.of(
                List.of(new TradePaymentDTO(PayMethod.COUPON, Money.cny(100), TradePaymentDTO.WALLET_CHANNEL),
                        new TradePaymentDTO(PayMethod.POINTS, Money.cny(50), TradePaymentDTO.WALLET_CHANNEL),
                        new TradePaymentDTO(PayMethod.WECHAT_QR, Money.cny(850), "WECHAT")),
                List.of(new TradePromotionDTO("CP1", "1 off", Money.cny(100), FundedBy.MERCHANT)));

        payments.recordPaid(trade.tradeNo(), "P2026112210000003000010005", Money.cny(1000), "10000000007",
                PayMethod.WECHAT_QR, "WECHAT", NOW, promotion);

        TradeDTO paid = finder.get(TradeByNoQry.internal(trade.tradeNo()));
        assertThat(paid.paidAmount()).isEqualTo(Money.cny(1000));
        assertThat(paid.buyerPaidAmount()).isEqualTo(Money.cny(850));
        assertThat(paid.payments()).containsExactly(
                new TradePaymentDTO(PayMethod.COUPON, Money.cny(100), TradePaymentDTO.WALLET_CHANNEL),
                new TradePaymentDTO(PayMethod.POINTS, Money.cny(50), TradePaymentDTO.WALLET_CHANNEL),
                new TradePaymentDTO(PayMethod.WECHAT_QR, Money.cny(850), "WECHAT"));
        assertThat(paid.promotionDetail()).containsExactly(new TradePromotionDTO("CP1", "1 off", Money.cny(100), FundedBy.MERCHANT));
    }

    @Test
    void aPaymentWithOneToolShowsTheBuyerPaidTheWholeAmountAndNoPromotion() {
        TradeDTO trade = paying(null, "P2026112210000003000010006", List.of());

        payments.recordPaid(trade.tradeNo(), "P2026112210000003000010006", Money.cny(1000), "10000000007",
                PayMethod.BALANCE, null, NOW);

        TradeDTO paid = finder.get(TradeByNoQry.internal(trade.tradeNo()));
        assertThat(paid.buyerPaidAmount()).isEqualTo(Money.cny(1000));
        assertThat(paid.promotionDetail()).isEmpty();
    }

    @Test
    void tradeSucceededCarriesTheWholePaidTrade() throws Exception {
        TradeDTO trade = paying("10000000007", "P2026112210000003000010002", List.of());

        payments.recordPaid(trade.tradeNo(), "P2026112210000003000010002", Money.cny(1000), "10000000007",
                PayMethod.BALANCE, null, NOW);

        RecordedTradeEvent succeeded = committed.get(committed.size() - 1);
        assertThat(succeeded.eventType()).isEqualTo(EventType.TRADE_SUCCEEDED.tag());
        assertThat(json.readValue(succeeded.payload(), TradeDTO.class))
                .isEqualTo(finder.get(TradeByNoQry.internal(trade.tradeNo())));
    }

    @Test
    void aRepeatedPaySucceededChangesNothingAndPublishesNothing() {
        TradeDTO trade = paying("10000000007", "P2026112210000003000010003", List.of());
        payments.recordPaid(trade.tradeNo(), "P2026112210000003000010003", Money.cny(1000), "10000000007",
                PayMethod.BALANCE, null, NOW);
        int events = committed.size();

        payments.recordPaid(trade.tradeNo(), "P2026112210000003000010003", Money.cny(1000), "10000000007",
                PayMethod.WECHAT_QR, "WECHAT", NOW.plusSeconds(5));

        assertThat(committed).hasSize(events);
        assertThat(finder.get(TradeByNoQry.internal(trade.tradeNo())).payments())
                .extracting(TradePaymentDTO::method).containsExactly(PayMethod.BALANCE);
    }

    @Test
    void theChannelIsTheWalletForBalanceAndWhatPayCoreNamesOrTheMethodsOwnOtherwise() {
        assertThat(TradePayments.channelOf(PayMethod.BALANCE, null)).isEqualTo("PAYSUITE");
        assertThat(TradePayments.channelOf(PayMethod.BALANCE, "WECHAT")).isEqualTo("PAYSUITE");
        assertThat(TradePayments.channelOf(PayMethod.WECHAT_QR, "WECHAT")).isEqualTo("WECHAT");
        assertThat(TradePayments.channelOf(PayMethod.ALIPAY_QR, null)).isEqualTo("ALIPAY");
        assertThat(TradePayments.channelOf(PayMethod.ALIPAY_QR, " ")).isEqualTo("ALIPAY");
        assertThat(TradePayments.channelOf(null, null)).isNull();
        assertThat(TradePayments.channelOf(PayMethod.ALIPAY_QR, "X".repeat(33))).as("would not fit paid_channel").isNull();
    }

    @Test
    void theTrailListsTheTradesEventsInCommitOrderWithShortSummaries() {
        TradeDTO trade = paying("10000000007", "P2026112210000003000010004", List.of(PayMethod.BALANCE));
        payments.recordPaid(trade.tradeNo(), "P2026112210000003000010004", Money.cny(1000), "10000000007",
                PayMethod.BALANCE, null, NOW);

        List<TrailEventDTO> steps = trail.trail(trade.tradeNo());

        assertThat(steps).extracting(TrailEventDTO::type)
                .containsExactly("TRADE_CREATED", "TRADE_PAYING", "TRADE_SUCCEEDED");
        assertThat(steps).allSatisfy(step -> {
            assertThat(step.source()).isEqualTo("trade-core");
            assertThat(step.reference()).startsWith("E");
            assertThat(step.detail()).doesNotContain("merchant.example");
        });
        assertThat(steps.get(0).detail()).isEqualTo("status WAIT_PAY, amount 1000 CNY, methods BALANCE");
        assertThat(steps.get(1).detail()).isEqualTo("pay order P2026112210000003000010004");
        assertThat(steps.get(2).detail()).isEqualTo("status SUCCESS, amount 1000 CNY, paid 1000 CNY, methods BALANCE,"
                + " payment BALANCE 1000 CNY PAYSUITE, payer 10000000007");
    }

    @Test
    void theTrailOfAnUnknownTradeIsTradeNotFound() {
        assertThatThrownBy(() -> trail.trail("T2026112210000003000009999"))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TRADE_NOT_FOUND));
        assertThatThrownBy(() -> trail.trail("nonsense"))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TRADE_NOT_FOUND));
    }

    @Test
    void aPayloadThatIsNotAnObjectSummarizesToNothing() {
        assertThat(TrailDetail.of("not json")).isEmpty();
        assertThat(TrailDetail.of("[1,2]")).isEmpty();
        assertThat(TrailDetail.of("{\"trade_no\":\"T1\",\"release_minor\":990,\"currency\":\"CNY\"}")).isEqualTo("release 990 CNY");
    }

    /** A trade created (by a buyer or not) and taken by the pay order, as beginPay leaves it. */
    private TradeDTO paying(String buyerId, String payOrderNo, List<PayMethod> methods) {
        TradeDTO trade = creator.create(TradeCreatorTest.withMethods(
                TradeCreatorTest.cmd("ORDER-" + payOrderNo.substring(20), buyerId, 1000), methods));
        payments.beginPay(new BeginPayCmd(trade.tradeNo(), payOrderNo, "10000000007"));
        return trade;
    }
}
