package io.paysuite.trade.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.paysuite.api.common.Outcome;
import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.money.Money;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A posting's answer read by the one notion of outcome: only SYSTEM_ERROR, SERVICE_DEGRADED and a broken call are unknown. */
class TradeLedgerTest {

    final LedgerService ledger = mock(LedgerService.class);
    final TradeLedger postings = new TradeLedger(ledger);

    @Test
    void aRefundPostingIsPostedRefusedOrUnknownByTheLedgersAnswer() {
        Map<String, Outcome> expected = Map.of(
                "POSTING_KEY_USED", Outcome.FAILED,
                "POSTING_UNBALANCED", Outcome.FAILED,
                "SYSTEM_ERROR", Outcome.UNKNOWN,
                "SERVICE_DEGRADED", Outcome.UNKNOWN);
        expected.forEach((code, outcome) -> {
            when(ledger.postRefund(any())).thenReturn(Result.fail(code, "refused"));

            assertThat(refund()).as(code).isEqualTo(new TradeLedger.Posting(outcome, code, "refused"));
        });
        when(ledger.postRefund(any())).thenReturn(Result.ok(null));
        assertThat(refund()).isEqualTo(new TradeLedger.Posting(Outcome.SUCCEEDED, null, null));
    }

    @Test
    void aBrokenCallLeavesThePostingUnknown() {
        when(ledger.postRefund(any())).thenThrow(new IllegalStateException("timeout"));

        assertThat(refund()).isEqualTo(new TradeLedger.Posting(Outcome.UNKNOWN, "SYSTEM_ERROR", "timeout"));
    }

    @Test
    void aReversalWithNoEntryToUndoIsRefusedAndAFaultLeavesItUnknown() {
        when(ledger.postRefundReversal(any())).thenReturn(Result.fail("POSTING_NOT_FOUND", "no entry"));
        assertThat(postings.reverseRefund("R1", "T1").outcome()).isEqualTo(Outcome.FAILED);

        when(ledger.postRefundReversal(any())).thenReturn(Result.fail("SYSTEM_ERROR", "?"));
        assertThat(postings.reverseRefund("R1", "T1").outcome()).isEqualTo(Outcome.UNKNOWN);

        when(ledger.postRefundReversal(any())).thenReturn(Result.ok(null));
        assertThat(postings.reverseRefund("R1", "T1").outcome()).isEqualTo(Outcome.SUCCEEDED);
    }

    private TradeLedger.Posting refund() {
        return postings.refund("R1", "T1", "10000000007", "M100001", Money.cny(100), Money.cny(1000), Money.cny(0), false, null);
    }
}
