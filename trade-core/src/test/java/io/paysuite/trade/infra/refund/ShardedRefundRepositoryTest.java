package io.paysuite.trade.infra.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.money.Money;
import io.paysuite.api.refund.RefundByNoQry;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundsByNoQry;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.kit.state.StateTable;
import io.paysuite.kit.state.StateTableCheck;
import io.paysuite.trade.refund.RefundFinder;
import io.paysuite.trade.refund.RefundOrder;
import io.paysuite.trade.refund.RefundTransitions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardedRefundRepositoryTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00.123Z");

    final InMemoryRefundMapper mapper = new InMemoryRefundMapper();
    final ShardedRefundRepository refunds = new ShardedRefundRepository(mapper);
    int next;

    @Test
    void finishingMovesExactlyThePairsInTheTable() {
        List<String> wrong = StateTableCheck.everyPair(RefundTransitions.TABLE, this::storedIn,
                (refundNo, to) -> refunds.finish(refundNo, to, to == RefundStatus.FAILED ? "CHANNEL_DECLINED" : null,
                        NOW.plusSeconds(1)),
                refundNo -> refunds.find(refundNo).orElseThrow().status());

        assertThat(wrong).isEmpty();
    }

    @Test
    void aRefundCannotBeFinishedBackIntoProcessing() {
        String refundNo = storedIn(RefundStatus.PROCESSING);

        assertThatThrownBy(() -> refunds.finish(refundNo, RefundStatus.PROCESSING, null, NOW))
                .isInstanceOf(StateTable.IllegalTransitionException.class)
                .hasMessage("ALARM: refund transition PROCESSING -> PROCESSING is not in the table");
        assertThat(mapper.writes).isZero();
    }

    @Test
    void aFinishedRefundStaysAsItFinished() {
        String refundNo = storedIn(RefundStatus.PROCESSING);

        assertThat(refunds.finish(refundNo, RefundStatus.SUCCESS, null, NOW)).isTrue();
        assertThat(refunds.finish(refundNo, RefundStatus.FAILED, "LATE", NOW.plusSeconds(1))).isFalse();

        RefundOrder stored = refunds.find(refundNo).orElseThrow();
        assertThat(stored.status()).isEqualTo(RefundStatus.SUCCESS);
        assertThat(stored.failCode()).isNull();
        assertThat(stored.succeededAt()).isEqualTo(NOW);
    }

    @Test
    void successAndFailedAreFinalAndProcessingLeadsToBoth() {
        assertThat(RefundTransitions.TABLE.isFinal(RefundStatus.SUCCESS)).isTrue();
        assertThat(RefundTransitions.TABLE.isFinal(RefundStatus.FAILED)).isTrue();
        assertThat(RefundTransitions.TABLE.isFinal(RefundStatus.PROCESSING)).isFalse();
        assertThat(RefundTransitions.TABLE.next(RefundStatus.PROCESSING))
                .containsExactlyInAnyOrder(RefundStatus.SUCCESS, RefundStatus.FAILED);
    }

    @Test
    void severalRefundsAreReadInOneStatementAndAnUnknownNumberIsSimplyNotInTheAnswer() {
        String processing = storedIn(RefundStatus.PROCESSING);
        String succeeded = storedIn(RefundStatus.SUCCESS);
        int readsBefore = mapper.reads;

        List<RefundOrder> found = refunds.findAll(List.of(processing, "R2026112210000003999990007", succeeded));

        assertThat(found).extracting(RefundOrder::refundNo).containsExactlyInAnyOrder(processing, succeeded);
        assertThat(found).containsExactlyInAnyOrder(refunds.find(processing).orElseThrow(), refunds.find(succeeded).orElseThrow());
        assertThat(mapper.reads - readsBefore).as("statements: one for the list, two for the singles compared with")
                .isEqualTo(3);
        assertThat(refunds.findAll(List.of())).isEmpty();
    }

    @Test
    void theFinderReadsTheRefundsOfSeveralNumbersInOneReadAndLeavesOutNumbersNoRefundCanHave() {
        String succeeded = storedIn(RefundStatus.SUCCESS);
        RefundFinder finder = new RefundFinder(refunds);
        int readsBefore = mapper.reads;

        List<RefundDTO> found = finder.getAll(new RefundsByNoQry(List.of(succeeded, succeeded, "R2026112210000003999991024",
                "not-a-refund", "R2026112210000003999990007")));

        assertThat(found).extracting(RefundDTO::refundNo).containsExactly(succeeded);
        assertThat(found.get(0)).isEqualTo(finder.get(new RefundByNoQry(succeeded, null)));
        assertThat(mapper.reads - readsBefore).as("one read for the list, one for the single compared with").isEqualTo(2);
    }

    @Test
    void theFinderRefusesMoreNumbersThanTheBoundAndNoList() {
        RefundFinder finder = new RefundFinder(refunds);
        List<String> tooMany = java.util.stream.IntStream.rangeClosed(0, RefundsByNoQry.MAX_REFUNDS)
                .mapToObj("R20261122100000030000%05d"::formatted).toList();

        assertThatThrownBy(() -> finder.getAll(new RefundsByNoQry(tooMany)))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PARAM_ERROR));
        assertThatThrownBy(() -> finder.getAll(new RefundsByNoQry(null)))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PARAM_ERROR));
        assertThat(mapper.reads).isZero();
    }

    private String storedIn(RefundStatus status) {
        String refundNo = "R20261122100000030000%05d".formatted(++next);
        refunds.insert(new RefundOrder(refundNo, "T2026112210000003000000007", "M1", "REFUND-" + next, status,
                Money.cny(300), Money.cny(1000), Money.cny(0), false, "10000000007", "broken cup",
                status == RefundStatus.FAILED ? "CHANNEL_DECLINED" : null, NOW, NOW,
                status == RefundStatus.SUCCESS ? NOW : null));
        return refundNo;
    }
}
