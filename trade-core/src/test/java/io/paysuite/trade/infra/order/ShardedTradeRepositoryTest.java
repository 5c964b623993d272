package io.paysuite.trade.infra.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.kit.state.StateTable;
import io.paysuite.kit.state.StateTableCheck;
import io.paysuite.trade.order.Trade;
import io.paysuite.trade.order.TradeTransitions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardedTradeRepositoryTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00.123Z");
    static final String PAY_ORDER_NO = "P2026112210000003000000007";

    final InMemoryTradeMapper mapper = new InMemoryTradeMapper();
    final ShardedTradeRepository trades = new ShardedTradeRepository(mapper);
    int next;

    /** A trade stored in {@code status}; every state but WAIT_PAY is held by {@link #PAY_ORDER_NO}. */
    record Stored(String tradeNo, TradeStatus from) {
    }

    @Test
    void aTradeIsReadByItsNumberOnTheRouteOfItsNumber() {
        List<String> routed = new java.util.ArrayList<>();
        ShardedTradeRepository direct = new ShardedTradeRepository(mapper, new io.paysuite.kit.sharding.ShardReads() {
            @Override
            public <T> T byOrderNo(String logicTable, String orderNo, java.util.function.Supplier<T> read) {
                routed.add(logicTable + " " + orderNo);
                return read.get();
            }
        });
        assertThat(direct.find("T2026112210000003000000007")).isEmpty();
        assertThat(routed).containsExactly("trade_order T2026112210000003000000007");
    }

    @Test
    void theGenericCompareAndSetMovesExactlyThePairsInTheTable() {
        List<String> wrong = StateTableCheck.everyPair(TradeTransitions.TABLE, this::storedIn,
                (trade, to) -> trades.transition(trade.tradeNo(), trade.from(), to, NOW.plusSeconds(1)),
                this::statusOf);

        assertThat(wrong).isEmpty();
    }

    @Test
    void eachStatementMovesExactlyThePairsInTheTable() {
        // the way the service moves a trade to each state: a pay attempt takes, gives back or pays it
        // (a pre-authorisation's payment authorises it), a capture or void ends an authorisation
        List<String> wrong = StateTableCheck.everyPair(TradeTransitions.TABLE, this::storedIn,
                (trade, to) -> switch (to) {
                    case PAYING -> trades.beginPay(trade.tradeNo(), PAY_ORDER_NO, NOW.plusSeconds(1));
                    case WAIT_PAY -> trades.abandonPay(trade.tradeNo(), PAY_ORDER_NO, NOW.plusSeconds(1));
                    case SUCCESS -> trades.markPaid(trade.tradeNo(), PAY_ORDER_NO, trades.find(trade.tradeNo())
                            .orElseThrow().paid(Money.cny(1000), "U1", PayMethod.BALANCE, "PAYSUITE", NOW.plusSeconds(1)));
                    case AUTHORIZED -> trades.markPaid(trade.tradeNo(), PAY_ORDER_NO, trades.find(trade.tradeNo()).orElseThrow()
                            .paid(Money.cny(1000), "U1", PayMethod.BALANCE, "PAYSUITE", NOW.plusSeconds(1))
                            .authorisationEnded(TradeStatus.AUTHORIZED, Money.cny(1000), NOW.plusSeconds(1)));
                    case CAPTURED, VOIDED -> trades.endAuthorisation(trade.tradeNo(), to, 500, NOW.plusSeconds(1));
                    case CLOSED, FINISHED -> trades.transition(trade.tradeNo(), trade.from(), to, NOW.plusSeconds(1));
                },
                this::statusOf);

        assertThat(wrong).isEmpty();
    }

    @Test
    void theVersionedCompareAndSetsWriteOnlyTheRowAtTheirVersion() {
        Stored waiting = storedIn(TradeStatus.WAIT_PAY);
        int version = mapper.rows.get(waiting.tradeNo()).version;

        assertThat(trades.beginPay(waiting.tradeNo(), PAY_ORDER_NO, NOW, version + 1)).isFalse();
        assertThat(trades.beginPay(waiting.tradeNo(), PAY_ORDER_NO, NOW, version)).isTrue();
        Trade paying = trades.find(waiting.tradeNo()).orElseThrow();
        Trade paid = paying.paid(Money.cny(1000), "U1", PayMethod.BALANCE, "PAYSUITE", NOW.plusSeconds(1));

        assertThat(trades.markPaid(waiting.tradeNo(), PAY_ORDER_NO, paid, version)).as("the version before the take").isFalse();
        assertThat(statusOf(waiting)).isEqualTo(TradeStatus.PAYING);
        assertThat(trades.markPaid(waiting.tradeNo(), PAY_ORDER_NO, paid, paying.version())).isTrue();
        Trade read = trades.find(waiting.tradeNo()).orElseThrow();
        assertThat(read.status()).isEqualTo(TradeStatus.SUCCESS);
        assertThat(read.version()).isEqualTo(paid.version());
        assertThat(read.paidAt()).isEqualTo(paid.paidAt());
    }

    @Test
    void aChangeOutsideTheTableIsRefusedBeforeTheDatabaseSeesIt() {
        Stored closed = storedIn(TradeStatus.CLOSED);
        int version = mapper.rows.get(closed.tradeNo()).version;

        assertThatThrownBy(() -> trades.transition(closed.tradeNo(), TradeStatus.CLOSED, TradeStatus.WAIT_PAY, NOW))
                .isInstanceOf(StateTable.IllegalTransitionException.class)
                .hasMessage("ALARM: trade transition CLOSED -> WAIT_PAY is not in the table");
        assertThat(mapper.rows.get(closed.tradeNo()).version).isEqualTo(version);
    }

    @Test
    void theTableAndTheApiEnumAgreeOnWhichStatesAreFinal() {
        for (TradeStatus status : TradeStatus.values()) {
            assertThat(TradeTransitions.TABLE.isFinal(status)).as(status.name()).isEqualTo(status.isFinal());
        }
        assertThat(TradeTransitions.TABLE.isFinal(TradeStatus.CLOSED)).isTrue();
        assertThat(TradeTransitions.TABLE.isFinal(TradeStatus.FINISHED)).isTrue();
    }

    @Test
    void theTransitionTableHasNoWayOutOfFinalStates() {
        for (TradeStatus to : TradeStatus.values()) {
            assertThat(TradeTransitions.TABLE.allows(TradeStatus.CLOSED, to)).isFalse();
            assertThat(TradeTransitions.TABLE.allows(TradeStatus.FINISHED, to)).isFalse();
        }
        assertThat(TradeTransitions.TABLE.allows(TradeStatus.WAIT_PAY, TradeStatus.CLOSED)).isTrue();
        assertThat(TradeTransitions.TABLE.allows(TradeStatus.SUCCESS, TradeStatus.WAIT_PAY)).isFalse();
        assertThatThrownBy(() -> TradeTransitions.TABLE.require(TradeStatus.SUCCESS, TradeStatus.CLOSED))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ALARM");
    }

    @Test
    void theWaysTheServiceMovesATradeAreAllInTheTable() {
        // a definite failure gives the trade back; the buyer confirming a guarantee trade finishes it
        assertThat(TradeTransitions.TABLE.allows(TradeStatus.PAYING, TradeStatus.WAIT_PAY)).isTrue();
        assertThat(TradeTransitions.TABLE.allows(TradeStatus.SUCCESS, TradeStatus.FINISHED)).isTrue();
        assertThat(TradeTransitions.TABLE.next(TradeStatus.WAIT_PAY)).containsExactlyInAnyOrder(TradeStatus.PAYING, TradeStatus.CLOSED);
        assertThat(TradeTransitions.TABLE.next(TradeStatus.PAYING)).containsExactlyInAnyOrder(TradeStatus.SUCCESS, TradeStatus.WAIT_PAY,
                TradeStatus.AUTHORIZED);
        // a pre-authorisation ends once: captured or voided, and nothing after either
        assertThat(TradeTransitions.TABLE.next(TradeStatus.AUTHORIZED)).containsExactlyInAnyOrder(TradeStatus.CAPTURED,
                TradeStatus.VOIDED);
        assertThat(TradeTransitions.TABLE.allows(TradeStatus.VOIDED, TradeStatus.CAPTURED)).isFalse();
        assertThat(TradeTransitions.TABLE.allows(TradeStatus.CAPTURED, TradeStatus.CAPTURED)).isFalse();
    }

    @Test
    void severalTradesAreReadInOneStatementAndAnUnknownNumberIsSimplyNotInTheAnswer() {
        Stored paid = storedIn(TradeStatus.SUCCESS);
        Stored closed = storedIn(TradeStatus.CLOSED);
        int readsBefore = mapper.reads;

        List<Trade> found = trades.findAll(List.of(paid.tradeNo(), "T2026112210000003999990007", closed.tradeNo()));

        assertThat(found).extracting(Trade::tradeNo).containsExactlyInAnyOrder(paid.tradeNo(), closed.tradeNo());
        assertThat(found).extracting(Trade::status).containsExactlyInAnyOrder(TradeStatus.SUCCESS, TradeStatus.CLOSED);
        assertThat(mapper.reads - readsBefore).as("statements").isEqualTo(1);
        assertThat(trades.findAll(List.of())).isEmpty();
        assertThat(mapper.reads - readsBefore).as("no statement for no numbers").isEqualTo(1);
    }

    private Stored storedIn(TradeStatus status) {
        Trade open = Trade.open("T20261122100000030000%05d".formatted(++next), new CreateTradeCmd("M1",
                "ORDER-" + next, TradeType.GUARANTEE, Money.cny(1000), "Coffee", null, "https://merchant.example/n",
                null, null, null, List.of()), NOW, Duration.ofMinutes(30));
        TradeDO row = ShardedTradeRepository.toRow(open);
        row.status = status.name();
        row.payOrderNo = status == TradeStatus.WAIT_PAY ? null : PAY_ORDER_NO;
        assertThat(mapper.insert(row)).isEqualTo(1);
        return new Stored(open.tradeNo(), status);
    }

    private TradeStatus statusOf(Stored trade) {
        return trades.find(trade.tradeNo()).orElseThrow().status();
    }
}
