package io.paysuite.accounting.wallet;

import static io.paysuite.accounting.wallet.WalletTransfersTest.assertCode;
import static io.paysuite.accounting.wallet.WalletTransfersTest.wallet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.paysuite.accounting.ledger.EntryRules;
import io.paysuite.accounting.ledger.InMemoryJournal;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.member.BoundCardDTO;
import io.paysuite.api.member.BuyerDTO;
import io.paysuite.api.member.CardStatus;
import io.paysuite.api.member.CardType;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.member.PayPasswordVerdict;
import io.paysuite.api.money.Money;
import io.paysuite.api.payout.PayoutCmd;
import io.paysuite.api.payout.PayoutDTO;
import io.paysuite.api.payout.PayoutService;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.api.wallet.WalletWithdrawCmd;
import io.paysuite.api.wallet.WalletWithdrawalDTO;
import io.paysuite.kit.state.StateTableCheck;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WalletWithdrawalsTest {

    final InMemoryJournal journal = InMemoryJournal.withWallet("U1", 100_000);
    final MemberService members = mock(MemberService.class);
    final PayoutService payouts = mock(PayoutService.class);
    final FakeWithdrawals store = new FakeWithdrawals();
    final WalletWithdrawals withdrawals = new WalletWithdrawals(new Members(members), store,
            new WalletEntries(new EntryRules(Set.of("CNY"))), journal, new WalletNumbers(new OrderNo(WalletTransfersTest.CLOCK, 1)),
            payouts, WalletTransfersTest.CLOCK);
    final AccountRef transit = new AccountRef(AccountType.PAYOUT_IN_TRANSIT, "U1", "CNY");

    WalletWithdrawalsTest() {
        when(members.verifyPayPassword(any())).thenReturn(Result.ok(new PayPasswordVerdict("U1", true)));
        when(members.getBuyer("U1")).thenReturn(Result.ok(new BuyerDTO("U1", "138****0001", "Li Lei", null, null)));
        when(members.listCards("U1")).thenReturn(Result.ok(List.of(new BoundCardDTO("C10000001", "U1", "6222 **** **** 4321",
                "ICBC", CardType.DEBIT, CardStatus.ACTIVE, Instant.EPOCH))));
    }

    @Test
    void aWithdrawalHoldsTheMoneyInTransitAndPaysTheCardByItsReference() {
        when(payouts.payout(any())).thenAnswer(call -> Result.ok(payout((PayoutCmd) call.getArgument(0), PayoutStatus.PROCESSING)));
        WalletWithdrawalDTO w = withdrawals.withdraw(cmd("wd-000001", 30_000));
        assertThat(w.status()).isEqualTo(PayoutStatus.PROCESSING);
        assertThat(w.bankAccount()).isEqualTo("****4321");
        assertThat(journal.balance(wallet("U1"))).isEqualTo(70_000);
        assertThat(journal.balance(transit)).isEqualTo(30_000);
        verify(payouts).payout(org.mockito.ArgumentMatchers.argThat(c -> c.bankAccountNo().equals("100000014321")
                && c.accountName().equals("Li Lei") && c.payoutNo().equals(w.withdrawalNo())));
    }

    @Test
    void aSucceededPayoutIsBookedToThePlatformsBankOnceAndEndsTheWithdrawal() {
        when(payouts.payout(any())).thenAnswer(call -> Result.ok(payout((PayoutCmd) call.getArgument(0), PayoutStatus.SUCCESS)));
        WalletWithdrawalDTO w = withdrawals.withdraw(cmd("wd-000001", 30_000));
        assertThat(w.status()).isEqualTo(PayoutStatus.SUCCESS);
        assertThat(journal.balance(transit)).isZero();
        assertThat(journal.balance(new AccountRef(AccountType.PLATFORM_BANK, AccountRef.PLATFORM, "CNY"))).isEqualTo(-30_000);
        assertThat(journal.imbalance()).isZero();
        withdrawals.advance(w.withdrawalNo()); // a late PAYOUT_FINAL or the sweep: nothing more
        assertThat(journal.balance(wallet("U1"))).isEqualTo(70_000);
    }

    @Test
    void aFailedPayoutGivesTheMoneyBackToTheWallet() {
        when(payouts.payout(any())).thenAnswer(call -> Result.ok(payout((PayoutCmd) call.getArgument(0), PayoutStatus.PROCESSING)));
        WalletWithdrawalDTO w = withdrawals.withdraw(cmd("wd-000001", 30_000));
        when(payouts.get(w.payoutNo())).thenReturn(Result.ok(payout(store.byNo.get(w.withdrawalNo()), PayoutStatus.FAILED)));
        assertThat(withdrawals.payoutFinal(w.payoutNo())).isTrue();
        assertThat(store.byNo.get(w.withdrawalNo()).status()).isEqualTo(PayoutStatus.FAILED);
        assertThat(journal.balance(wallet("U1"))).isEqualTo(100_000);
        assertThat(journal.balance(transit)).isZero();
    }

    @Test
    void anUnknownPayoutAnswerLeavesTheMoneyInTransit() {
        when(payouts.payout(any())).thenThrow(new RuntimeException("timeout"));
        WalletWithdrawalDTO w = withdrawals.withdraw(cmd("wd-000001", 30_000));
        assertThat(w.status()).isEqualTo(PayoutStatus.PROCESSING);
        assertThat(journal.balance(transit)).isEqualTo(30_000);
    }

    @Test
    void aRepeatWithdrawsOnce() {
        when(payouts.payout(any())).thenAnswer(call -> Result.ok(payout((PayoutCmd) call.getArgument(0), PayoutStatus.PROCESSING)));
        WalletWithdrawalDTO first = withdrawals.withdraw(cmd("wd-000001", 30_000));
        WalletWithdrawalDTO again = withdrawals.withdraw(cmd("wd-000001", 30_000));
        assertThat(again.withdrawalNo()).isEqualTo(first.withdrawalNo());
        assertThat(journal.balance(wallet("U1"))).isEqualTo(70_000);
        verify(payouts, times(1)).payout(any());
        assertCode(() -> withdrawals.withdraw(cmd("wd-000001", 1_000)), ErrorCode.REQUEST_NO_USED);
    }

    @Test
    void anotherBuyersCardOrTooMuchIsRefusedAndNothingIsRecorded() {
        assertCode(() -> withdrawals.withdraw(new WalletWithdrawCmd("U1", "C99999999", Money.cny(1), "wd-000001", "123456")),
                ErrorCode.CARD_NOT_FOUND);
        assertCode(() -> withdrawals.withdraw(cmd("wd-000002", 100_001)), ErrorCode.INSUFFICIENT_BALANCE);
        assertThat(store.byNo).isEmpty();
        verify(payouts, times(0)).payout(any());
    }

    @Test
    void theWithdrawalStateTableHoldsForEveryPair() {
        Map<String, PayoutStatus> states = new HashMap<>();
        int[] next = {0};
        List<String> wrong = StateTableCheck.everyPair(WithdrawalTransitions.TABLE,
                from -> {
                    String no = "WD" + (++next[0]);
                    states.put(no, from);
                    return no;
                },
                (no, to) -> {
                    WithdrawalTransitions.TABLE.require(states.get(no), to);
                    states.put(no, to);
                    return true;
                },
                states::get);
        assertThat(wrong).isEmpty();
    }

    private static WalletWithdrawCmd cmd(String requestNo, long amount) {
        return new WalletWithdrawCmd("U1", "C10000001", Money.cny(amount), requestNo, "123456");
    }

    private static PayoutDTO payout(PayoutCmd cmd, PayoutStatus status) {
        return new PayoutDTO(cmd.payoutNo(), cmd.purpose(), cmd.ownerId(), cmd.amount(), "****4321", status, null, null,
                Instant.EPOCH, status.isFinal() ? Instant.EPOCH : null);
    }

    private static PayoutDTO payout(Withdrawal w, PayoutStatus status) {
        return new PayoutDTO(w.payoutNo(), null, w.buyerId(), w.amount(), "****4321", status, null, null, Instant.EPOCH,
                Instant.EPOCH);
    }

    static final class FakeWithdrawals implements WithdrawalStore {
        final Map<String, Withdrawal> byNo = new HashMap<>();

        @Override
        public Optional<Withdrawal> findWithdrawal(String buyerId, String requestNo) {
            return byNo.values().stream().filter(w -> w.buyerId().equals(buyerId) && w.requestNo().equals(requestNo)).findFirst();
        }

        @Override
        public Optional<Withdrawal> findByNo(String withdrawalNo) {
            return Optional.ofNullable(byNo.get(withdrawalNo));
        }

        @Override
        public void insert(Withdrawal w) {
            if (findWithdrawal(w.buyerId(), w.requestNo()).isPresent()) {
                throw new IllegalStateException("duplicate key");
            }
            byNo.put(w.withdrawalNo(), w);
        }

        @Override
        public boolean transition(String no, PayoutStatus from, PayoutStatus to, Instant at) {
            WithdrawalTransitions.TABLE.require(from, to);
            Withdrawal w = byNo.get(no);
            if (w == null || w.status() != from) {
                return false;
            }
            byNo.put(no, new Withdrawal(w.withdrawalNo(), w.buyerId(), w.requestNo(), w.cardId(), w.cardLastFour(), w.amount(), to,
                    w.createdAt(), at));
            return true;
        }

        @Override
        public List<String> processing(Instant before, int limit) {
            return new ArrayList<>(byNo.keySet());
        }
    }
}
