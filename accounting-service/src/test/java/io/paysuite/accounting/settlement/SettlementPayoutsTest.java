package io.paysuite.accounting.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.paysuite.accounting.ledger.EntryDraft;
import io.paysuite.accounting.ledger.EntryRules;
import io.paysuite.accounting.ledger.Journal;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.member.MerchantService;
import io.paysuite.api.member.SettlementAccountDTO;
import io.paysuite.api.money.Money;
import io.paysuite.api.payout.PayoutCmd;
import io.paysuite.api.payout.PayoutDTO;
import io.paysuite.api.payout.PayoutPurpose;
import io.paysuite.api.payout.PayoutService;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.api.settlement.SettlementStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettlementPayoutsTest {

    static final Instant AT = Instant.parse("2026-12-06T01:30:00Z");
    static final String NO = "ST20261206M10000001";
    static final String PAYOUT = "PO20261206M10000001";

    /** The ledger's balances as the posted entries leave them, per account code, on the normal side. */
    final Map<String, Long> balances = new HashMap<>();
    final List<EntryDraft> posted = new ArrayList<>();
    final Journal journal = mock(Journal.class);
    final SettlementStore store = mock(SettlementStore.class);
    final SettlementEvents events = mock(SettlementEvents.class);
    final MerchantService merchants = mock(MerchantService.class);
    final PayoutService payoutService = mock(PayoutService.class);
    final SettlementPayouts payouts = new SettlementPayouts(store, new SettlementBookings(new EntryRules(Set.of("CNY")), journal),
            events, merchants, payoutService);

    SettlementPayoutsTest() {
        when(journal.post(any(EntryDraft.class))).thenAnswer(call -> {
            EntryDraft draft = call.getArgument(0);
            if (posted.stream().noneMatch(d -> d.postingKey().equals(draft.postingKey()))) {
                posted.add(draft);
                draft.lines().forEach(line -> balances.merge(line.account().code(),
                        line.side() == line.account().type().normalSide() ? line.amount() : -line.amount(), Long::sum));
            }
            return new JournalEntryDTO("E1", draft.postingKey(), draft.bizType(), draft.bizNo(), draft.currency(), draft.lines(), AT);
        });
        when(merchants.settlementAccount("M10000001")).thenReturn(Result.ok(
                new SettlementAccountDTO("M10000001", "6222020000000006001", "Shop", "Bank")));
        when(events.finish(any(), any(), any(), any())).thenReturn(true);
    }

    static Settlement settlement(long moved, long carried) {
        return new Settlement(NO, "M10000001", "CNY", LocalDate.of(2026, 12, 6), LocalDate.of(2026, 12, 5),
                LocalDate.of(2026, 12, 5), AT, new SettlementFigures(moved, 0, 0, 0, moved, carried, moved + carried),
                SettlementStatus.PROCESSING, null, null, null, null, AT);
    }

    static Result<PayoutDTO> payout(long minor, PayoutStatus status) {
        return Result.ok(new PayoutDTO(PAYOUT, PayoutPurpose.SETTLEMENT, "M10000001", Money.cny(minor), "****6001", status,
                "CH1", status == PayoutStatus.FAILED ? "ACCOUNT_CLOSED" : null, AT, status.isFinal() ? AT : null));
    }

    long balance(AccountType type, String owner) {
        return balances.getOrDefault(type.name() + ":" + owner + ":CNY", 0L);
    }

    @Test
    void aSuccessfulPayoutMovesTheNetThroughTransitToTheBankAndEndsPaid() {
        when(payoutService.payout(any())).thenReturn(payout(9_940, PayoutStatus.SUCCESS));

        payouts.advance(settlement(9_940, 0));

        assertThat(balance(AccountType.MERCHANT_PENDING, "M10000001")).isEqualTo(-9_940);
        assertThat(balance(AccountType.MERCHANT_AVAILABLE, "M10000001")).isZero();
        assertThat(balance(AccountType.PAYOUT_IN_TRANSIT, "M10000001")).isZero();
        assertThat(balance(AccountType.PLATFORM_BANK, "PLATFORM")).isEqualTo(-9_940);
        assertThat(posted).extracting(EntryDraft::postingKey)
                .containsExactly("STL-" + NO, "PAYOUT-" + PAYOUT, "PAYOUT-FINAL-" + PAYOUT);
        verify(store).recordPayout(NO, PAYOUT, "****6001", "PROCESSING");
        verify(events).finish(any(), eq(SettlementStatus.PAID), eq(PayoutStatus.SUCCESS), eq(AT));
    }

    @Test
    void theFullAccountGoesOnlyIntoThePayoutAndTheNetIsWhatItPays() {
        when(payoutService.payout(any())).thenReturn(payout(5_000, PayoutStatus.PROCESSING));

        payouts.advance(settlement(7_000, -2_000));

        var sent = org.mockito.ArgumentCaptor.forClass(PayoutCmd.class);
        verify(payoutService).payout(sent.capture());
        assertThat(sent.getValue().amount()).isEqualTo(Money.cny(5_000));
        assertThat(sent.getValue().bankAccountNo()).isEqualTo("6222020000000006001");
        assertThat(sent.getValue().payoutNo()).isEqualTo(PAYOUT);
    }

    @Test
    void aFailedPayoutReturnsTheMoneyToAvailableAndEndsFailed() {
        when(payoutService.payout(any())).thenReturn(payout(9_940, PayoutStatus.FAILED));

        payouts.advance(settlement(9_940, 0));

        assertThat(balance(AccountType.MERCHANT_AVAILABLE, "M10000001")).isEqualTo(9_940);
        assertThat(balance(AccountType.PAYOUT_IN_TRANSIT, "M10000001")).isZero();
        verify(events).finish(any(), eq(SettlementStatus.FAILED), eq(PayoutStatus.FAILED), any());
    }

    @Test
    void anUnknownAnswerLeavesTheMoneyInTransitAndTheSettlementProcessing() {
        when(payoutService.payout(any())).thenThrow(new RuntimeException("timeout"));

        payouts.advance(settlement(9_940, 0));

        assertThat(balance(AccountType.PAYOUT_IN_TRANSIT, "M10000001")).isEqualTo(9_940);
        verify(events, never()).finish(any(), any(), any(), any());
    }

    @Test
    void aRefusedQueryIsNotAFailedPayout() {
        Settlement held = settlement(9_940, 0).withPayout(PAYOUT, "****6001", PayoutStatus.PROCESSING);
        when(payoutService.get(PAYOUT)).thenReturn(Result.fail(ErrorCode.CALLER_NOT_ALLOWED, "no"));

        payouts.advance(held);

        verify(events, never()).finish(any(), any(), any(), any());
        assertThat(posted).extracting(EntryDraft::postingKey).doesNotContain("PAYOUT-FINAL-" + PAYOUT);
    }

    @Test
    void aPayoutThatNeverArrivedIsSentAgainUnderTheSameNumber() {
        Settlement held = settlement(9_940, 0).withPayout(PAYOUT, "****6001", PayoutStatus.PROCESSING);
        when(payoutService.get(PAYOUT)).thenReturn(Result.fail(ErrorCode.PAYOUT_NOT_FOUND, "none"));
        when(payoutService.payout(any())).thenReturn(payout(9_940, PayoutStatus.SUCCESS));

        payouts.advance(held);

        verify(payoutService).payout(any());
        verify(events).finish(any(), eq(SettlementStatus.PAID), eq(PayoutStatus.SUCCESS), eq(AT));
    }

    @Test
    void anAnswerWithAnotherAmountIsNeverBooked() {
        when(payoutService.payout(any())).thenReturn(payout(9_999, PayoutStatus.SUCCESS));

        payouts.advance(settlement(9_940, 0));

        assertThat(balance(AccountType.PAYOUT_IN_TRANSIT, "M10000001")).isEqualTo(9_940);
        verify(events, never()).finish(any(), any(), any(), any());
    }

    @Test
    void aNetOfZeroOrLessPaysNothingAndEndsPaidAtOnce() {
        payouts.advance(settlement(-4_970, 0));

        assertThat(balance(AccountType.MERCHANT_AVAILABLE, "M10000001")).isEqualTo(-4_970);
        assertThat(balance(AccountType.MERCHANT_PENDING, "M10000001")).isEqualTo(4_970);
        verify(payoutService, never()).payout(any());
        verify(events).finish(any(), eq(SettlementStatus.PAID), eq(null), eq(null));
    }

    @Test
    void aMerchantWithoutAnAccountKeepsTheMoneyAvailableAndTheSettlementFails() {
        when(merchants.settlementAccount(anyString())).thenReturn(Result.fail(ErrorCode.MERCHANT_NOT_FOUND, "no account"));

        payouts.advance(settlement(9_940, 0));

        assertThat(balance(AccountType.MERCHANT_AVAILABLE, "M10000001")).isEqualTo(9_940);
        assertThat(balance(AccountType.PAYOUT_IN_TRANSIT, "M10000001")).isZero();
        verify(payoutService, never()).payout(any());
        verify(events).finish(any(), eq(SettlementStatus.FAILED), eq(null), eq(null));
    }

    @Test
    void aFinalSettlementIsLeftAlone() {
        payouts.advance(settlement(9_940, 0).finished(SettlementStatus.PAID, PayoutStatus.SUCCESS, AT));

        assertThat(posted).isEmpty();
    }
}
