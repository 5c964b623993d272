package io.paysuite.accounting.infra.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.paysuite.accounting.sharing.SharingOrder;
import io.paysuite.accounting.sharing.SharingTransitions;
import io.paysuite.api.sharing.SharingOrderStatus;
import io.paysuite.api.sharing.SharingReceiverResult;
import io.paysuite.kit.state.StateTable;
import io.paysuite.kit.state.StateTableCheck;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

class MyBatisSharingStoreTest {

    static final Instant AT = Instant.parse("2026-12-06T01:30:00Z");

    final SharingMapper mapper = mock(SharingMapper.class);
    final TransactionTemplate transactions = mock(TransactionTemplate.class);
    final MyBatisSharingStore store = new MyBatisSharingStore(mapper, transactions, Clock.fixed(AT, ZoneOffset.UTC));
    final Map<String, String> orders = new HashMap<>();
    final Map<String, String> receivers = new HashMap<>();
    int next;

    MyBatisSharingStoreTest() {
        when(transactions.execute(any())).thenAnswer(call -> ((TransactionCallback<?>) call.getArgument(0))
                .doInTransaction(new SimpleTransactionStatus()));
        when(mapper.transition(anyString(), anyString(), anyString(), any())).thenAnswer(call -> {
            String no = call.getArgument(0);
            if (!call.getArgument(1).equals(orders.get(no))) {
                return 0;
            }
            orders.put(no, call.getArgument(2));
            return 1;
        });
        when(mapper.receiversTo(anyString(), anyString(), anyString())).thenAnswer(call -> {
            String no = call.getArgument(0);
            if (!call.getArgument(1).equals(receivers.get(no))) {
                return 0;
            }
            receivers.put(no, call.getArgument(2));
            return 1;
        });
    }

    @Test
    void theOrdersCompareAndSetMovesExactlyThePairsInItsTable() {
        List<String> wrong = StateTableCheck.everyPair(SharingTransitions.ORDER,
                from -> order(from, SharingReceiverResult.PENDING),
                (order, to) -> {
                    if (to != SharingOrderStatus.FINISHED) {
                        SharingTransitions.ORDER.require(order.status(), to); // the store has no other move
                    }
                    return store.finish(order, SharingReceiverResult.SUCCESS, AT);
                },
                order -> SharingOrderStatus.valueOf(orders.get(order.orderNo())));

        assertThat(wrong).isEmpty();
    }

    @Test
    void theReceiversCompareAndSetMovesExactlyThePairsInItsTable() {
        List<String> wrong = StateTableCheck.everyPair(SharingTransitions.RECEIVER,
                from -> order(SharingOrderStatus.PROCESSING, from),
                (order, to) -> store.finish(order, to, AT),
                order -> SharingReceiverResult.valueOf(receivers.get(order.orderNo())));

        assertThat(wrong).isEmpty();
    }

    @Test
    void finishingAFinishedOrderIsRefusedBeforeAnyWrite() {
        assertThatThrownBy(() -> store.finish(order(SharingOrderStatus.FINISHED, SharingReceiverResult.SUCCESS),
                SharingReceiverResult.CLOSED, AT)).isInstanceOf(StateTable.IllegalTransitionException.class);
        verifyNoInteractions(transactions);
    }

    @Test
    void onlyFinishedIsFinalForAnOrderAndSuccessAndClosedForAReceiver() {
        assertThat(SharingTransitions.ORDER.isFinal(SharingOrderStatus.FINISHED)).isTrue();
        assertThat(SharingTransitions.ORDER.isFinal(SharingOrderStatus.PROCESSING)).isFalse();
        assertThat(SharingTransitions.RECEIVER.isFinal(SharingReceiverResult.PENDING)).isFalse();
        assertThat(SharingTransitions.RECEIVER.isFinal(SharingReceiverResult.SUCCESS)).isTrue();
        assertThat(SharingTransitions.RECEIVER.isFinal(SharingReceiverResult.CLOSED)).isTrue();
    }

    private SharingOrder order(SharingOrderStatus status, SharingReceiverResult result) {
        String no = "PS%030d".formatted(++next);
        orders.put(no, status.name());
        receivers.put(no, result.name());
        return new SharingOrder(no, "out-" + next, "T1", "M1", "CNY",
                List.of(new SharingOrder.Receiver("M2", 100, "share", result)), false, "d", status, AT, null);
    }
}
