package io.paysuite.accounting.infra.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.paysuite.accounting.settlement.DueEntry;
import io.paysuite.accounting.settlement.Settlement;
import io.paysuite.accounting.settlement.SettlementFigures;
import io.paysuite.accounting.settlement.SettlementTransitions;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.api.settlement.SettlementStatus;
import io.paysuite.kit.state.StateTable;
import io.paysuite.kit.state.StateTableCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class MyBatisSettlementStoreTest {

    static final Instant AT = Instant.parse("2026-12-06T01:30:00Z");
    static final Clock CLOCK = Clock.fixed(AT, ZoneOffset.UTC);

    final SettlementMapper mapper = mock(SettlementMapper.class);
    final MyBatisSettlementStore store = new MyBatisSettlementStore(mapper, mock(TransactionTemplate.class), CLOCK);

    @Test
    void theCompareAndSetMovesExactlyThePairsInTheTable() {
        Map<String, String> statuses = new HashMap<>();
        when(mapper.transition(anyString(), anyString(), anyString(), any(), any(), any(), any())).thenAnswer(call -> {
            String no = call.getArgument(0);
            String from = call.getArgument(1);
            if (!from.equals(statuses.get(no))) {
                return 0;
            }
            statuses.put(no, call.getArgument(2));
            return 1;
        });
        int[] next = {0};

        List<String> wrong = StateTableCheck.everyPair(SettlementTransitions.TABLE,
                from -> {
                    Settlement s = settlement("ST20261206M%08d".formatted(++next[0]), from);
                    statuses.put(s.settlementNo(), from.name());
                    return s;
                },
                (s, to) -> store.transition(s, to, to == SettlementStatus.PAID ? PayoutStatus.SUCCESS : PayoutStatus.FAILED, AT),
                s -> SettlementStatus.valueOf(statuses.get(s.settlementNo())));

        assertThat(wrong).isEmpty();
    }

    @Test
    void aChangeOutOfAFinalSettlementIsRefusedBeforeAnyWrite() {
        assertThatThrownBy(() -> store.transition(settlement("ST20261206M10000001", SettlementStatus.FAILED),
                SettlementStatus.PAID, PayoutStatus.SUCCESS, AT))
                .isInstanceOf(StateTable.IllegalTransitionException.class);
        verifyNoInteractions(mapper);
    }

    @Test
    void onlyPaidAndFailedAreFinalAndTheApiEnumAgrees() {
        for (SettlementStatus status : SettlementStatus.values()) {
            assertThat(SettlementTransitions.TABLE.isFinal(status)).as(status.name()).isEqualTo(status.isFinal());
        }
    }

    @Test
    void aSettlementSurvivesItsRowWithEveryFigure() {
        Settlement s = new Settlement("ST20261206M10000001", "M10000001", "CNY", LocalDate.of(2026, 12, 6),
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 5), AT, new SettlementFigures(10_000, 2_500, 45, -100, 7_355,
                -1_000, 6_355), SettlementStatus.PROCESSING, "PO20261206M10000001", "****1234", PayoutStatus.PROCESSING, null, AT);

        assertThat(MyBatisSettlementStore.settlement(MyBatisSettlementStore.row(s))).isEqualTo(s);
    }

    @Test
    void aClaimAdvancesTheSettledUpToMarkInItsOwnTransactionToTheLastEntryAnHourBeforeTheCutoff() {
        PlatformTransactionManager manager = mock(PlatformTransactionManager.class);
        MyBatisSettlementStore inTransactions = new MyBatisSettlementStore(mapper, new TransactionTemplate(manager), CLOCK);
        Settlement s = settlement("ST20261206M10000001", SettlementStatus.PROCESSING);
        when(mapper.lastEntryBefore(MyBatisSettlementStore.utc(AT.minus(Duration.ofHours(1))))).thenReturn(4_711L);
        DueEntry entry = new DueEntry(4_700, "E1", "PAY-T1", "PAYMENT", "T1", AT.minus(Duration.ofHours(3)), 9_940, 60);

        assertThat(inTransactions.claim(s, List.of(entry))).isTrue();

        InOrder order = inOrder(manager, mapper);
        order.verify(manager).getTransaction(any());
        order.verify(mapper).insert(any());
        order.verify(mapper).insertItems(any());
        order.verify(mapper).advanceMark("MERCHANT_PENDING:M10000001:CNY", "M10000001", "CNY", 4_711L, LocalDate.of(2026, 12, 6),
                MyBatisSettlementStore.utc(AT));
        order.verify(manager).commit(any());
    }

    @Test
    void aRunOfADateWhoseCutoffIsAheadMarksOnlyWhatWasPostedAnHourBeforeNow() {
        Instant tomorrow = AT.plus(Duration.ofDays(1));
        assertThat(MyBatisSettlementStore.markBefore(tomorrow, AT)).isEqualTo(AT.minus(Duration.ofHours(1)));
        assertThat(MyBatisSettlementStore.markBefore(AT.minus(Duration.ofDays(1)), AT)).isEqualTo(AT.minus(Duration.ofHours(25)));
    }

    @Test
    void dueEntriesAreReadOnlyAfterTheMarkAndFromTheStartWhenThereIsNone() {
        Instant cutoff = Instant.parse("2026-12-05T16:00:00Z");
        when(mapper.settledTo("MERCHANT_PENDING:M1:CNY")).thenReturn(4_711L);
        store.due("M1", "CNY", cutoff);
        verify(mapper).due("M1", "MERCHANT_PENDING:M1:CNY", 4_711L, MyBatisSettlementStore.utc(cutoff));

        store.due("M2", "CNY", cutoff);
        verify(mapper).due("M2", "MERCHANT_PENDING:M2:CNY", 0L, MyBatisSettlementStore.utc(cutoff));
    }

    static Settlement settlement(String no, SettlementStatus status) {
        return new Settlement(no, "M10000001", "CNY", LocalDate.of(2026, 12, 6), LocalDate.of(2026, 12, 5),
                LocalDate.of(2026, 12, 5), AT, new SettlementFigures(100, 0, 1, 0, 99, 0, 99), status, null, null, null, null, AT);
    }
}
