package io.paysuite.trade.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradesByNoQry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Several trades by number for an internal caller: one read, whatever the count; unknown numbers are simply absent. */
class TradeFinderGetAllTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    final InMemoryTrades store = new InMemoryTrades();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final TradeEvents events = new TradeEvents() {
        @Override
        public <T> T publishWith(TradeEventDraft draft, Supplier<T> localWork) {
            return localWork.get();
        }
    };
    final TradeCreator creator = new TradeCreator(store, store, events, new OrderNo(clock, 3), clock,
            new TradeProperties(Duration.ofMinutes(30), Duration.ofDays(15), false));
    final TradeFinder finder = new TradeFinder(store, store);

    @Test
    void theTradesOfSeveralNumbersAreReadInOneReadAsGetAnswersEach() {
        TradeDTO first = creator.create(TradeCreatorTest.cmd("ORDER-GA0001", "10000000007", 1000));
        TradeDTO second = creator.create(TradeCreatorTest.cmd("ORDER-GA0002", "10000000008", 2000));
        int readsBefore = store.tradeReads;

        List<TradeDTO> found = finder.getAll(new TradesByNoQry(List.of(first.tradeNo(), second.tradeNo(), first.tradeNo())));

        assertThat(store.tradeReads - readsBefore).as("reads").isEqualTo(1);
        assertThat(found).containsExactlyInAnyOrder(finder.get(TradeByNoQry.internal(first.tradeNo())),
                finder.get(TradeByNoQry.internal(second.tradeNo())));
    }

    @Test
    void aNumberWithoutATradeOrThatCannotBeATradesIsSimplyNotInTheAnswer() {
        TradeDTO trade = creator.create(TradeCreatorTest.cmd("ORDER-GA0003", "10000000007", 1000));
        int readsBefore = store.tradeReads;

        List<TradeDTO> found = finder.getAll(new TradesByNoQry(List.of("T2026112210000003999990007", trade.tradeNo(),
                "T2026112210000003999991024", "P2026112210000003000010009", "")));

        assertThat(found).extracting(TradeDTO::tradeNo).containsExactly(trade.tradeNo());
        assertThat(store.tradeReads - readsBefore).as("reads").isEqualTo(1);
    }

    @Test
    void numbersNoneOfWhichCanBeATradesAreNotReadAtAll() {
        assertThat(finder.getAll(new TradesByNoQry(List.of("nope", "T2026112210000003999991024")))).isEmpty();
        assertThat(finder.getAll(new TradesByNoQry(List.of()))).isEmpty();
        assertThat(store.tradeReads).isZero();
    }

    @Test
    void moreNumbersThanTheBoundOrNoListAreRefusedAndReadNothing() {
        List<String> tooMany = IntStream.rangeClosed(0, TradesByNoQry.MAX_TRADES)
                .mapToObj("T20261122100000030000%05d"::formatted).toList();

        assertThatThrownBy(() -> finder.getAll(new TradesByNoQry(tooMany)))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PARAM_ERROR));
        assertThatThrownBy(() -> finder.getAll(new TradesByNoQry(null)))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PARAM_ERROR));
        assertThatThrownBy(() -> finder.getAll(null))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PARAM_ERROR));
        assertThat(store.tradeReads).isZero();
    }
}
