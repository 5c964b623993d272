package io.paysuite.accounting.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.paysuite.accounting.ledger.EntryRules;
import io.paysuite.accounting.ledger.InMemoryJournal;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.member.BuyerDTO;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.member.PayPasswordVerdict;
import io.paysuite.api.money.Money;
import io.paysuite.api.wallet.WalletTransferCmd;
import io.paysuite.api.wallet.WalletTransferDTO;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WalletTransfersTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);

    final InMemoryJournal journal = InMemoryJournal.withWallet("U1", 100_000);
    final MemberService members = mock(MemberService.class);
    final FakeTransfers store = new FakeTransfers();
    final WalletTransfers transfers = new WalletTransfers(new Members(members), store,
            new WalletEntries(new EntryRules(Set.of("CNY"))), journal, new WalletNumbers(new OrderNo(CLOCK, 1)), 50_000,
            ZoneId.of("Asia/Shanghai"), CLOCK);

    WalletTransfersTest() {
        when(members.verifyPayPassword(any())).thenReturn(Result.ok(new PayPasswordVerdict("U1", true)));
        when(members.buyerByPhone("13800000002")).thenReturn(Result.ok(new BuyerDTO("U2", "138****0002", null, null, null)));
        when(members.buyerByPhone("13800000009")).thenReturn(Result.fail(ErrorCode.BUYER_NOT_FOUND, "none"));
    }

    @Test
    void aTransferIsOneBalancedEntryFromTheSendersWalletToTheReceiversWithItsRecord() {
        WalletTransferDTO done = transfers.transfer(cmd("req-0001", 30_000));
        assertThat(journal.balance(wallet("U1"))).isEqualTo(70_000);
        assertThat(journal.balance(wallet("U2"))).isEqualTo(30_000);
        assertThat(journal.imbalance()).isZero();
        assertThat(store.transfers).containsKey("U1|req-0001");
        assertThat(done.toBuyerId()).isEqualTo("U2");
    }

    @Test
    void aRepeatOfTheSameRequestTransfersOnceAndAnswersTheFirstTransfer() {
        WalletTransferDTO first = transfers.transfer(cmd("req-0001", 10_000));
        WalletTransferDTO again = transfers.transfer(cmd("req-0001", 10_000));
        assertThat(again.transferNo()).isEqualTo(first.transferNo());
        assertThat(journal.balance(wallet("U2"))).isEqualTo(10_000);
    }

    @Test
    void theSameRequestNumberWithAnotherAmountIsRefused() {
        transfers.transfer(cmd("req-0001", 10_000));
        assertCode(() -> transfers.transfer(cmd("req-0001", 20_000)), ErrorCode.REQUEST_NO_USED);
    }

    @Test
    void theDailyLimitRefusesTheTransferThatWouldPassItAndChangesNothing() {
        transfers.transfer(cmd("req-0001", 40_000));
        assertCode(() -> transfers.transfer(cmd("req-0002", 10_001)), ErrorCode.TRANSFER_LIMIT_EXCEEDED);
        assertThat(journal.balance(wallet("U1"))).isEqualTo(60_000);
        assertThat(store.transfers).doesNotContainKey("U1|req-0002");
        transfers.transfer(cmd("req-0003", 10_000)); // exactly up to the limit
        assertThat(store.days.get("U1|2026-12-06")).isEqualTo(50_000);
    }

    @Test
    void moreThanTheWalletHoldsIsInsufficientBalanceAndRecordsNothing() {
        assertCode(() -> transfers.transfer(cmd("req-0001", 100_001)), ErrorCode.INSUFFICIENT_BALANCE);
        assertThat(store.transfers).isEmpty();
    }

    @Test
    void badInputIsAParamErrorBeforeAnythingIsAsked() {
        assertCode(() -> transfers.transfer(new WalletTransferCmd("U1", "13800000002", Money.cny(0), "req-0001", "123456")),
                ErrorCode.PARAM_ERROR);
        assertCode(() -> transfers.transfer(new WalletTransferCmd("U1", "13800000002", Money.cny(1), "r", "123456")),
                ErrorCode.PARAM_ERROR);
        assertCode(() -> transfers.transfer(new WalletTransferCmd("U1", "phone", Money.cny(1), "req-0001", "123456")),
                ErrorCode.PARAM_ERROR);
    }

    @Test
    void anUnknownPhoneIsBuyerNotFoundAndAWrongPasswordIsPassedOn() {
        assertCode(() -> transfers.transfer(new WalletTransferCmd("U1", "13800000009", Money.cny(1), "req-0001", "123456")),
                ErrorCode.BUYER_NOT_FOUND);
        when(members.verifyPayPassword(any())).thenReturn(Result.fail(ErrorCode.PAY_PASSWORD_WRONG, "4 attempts left"));
        assertCode(() -> transfers.transfer(cmd("req-0002", 1)), ErrorCode.PAY_PASSWORD_WRONG);
        assertThat(store.transfers).isEmpty();
    }

    private static WalletTransferCmd cmd(String requestNo, long amount) {
        return new WalletTransferCmd("U1", "13800000002", Money.cny(amount), requestNo, "123456");
    }

    static AccountRef wallet(String buyer) {
        return new AccountRef(AccountType.BUYER_WALLET, buyer, "CNY");
    }

    static void assertCode(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOf(BizException.class).extracting(e -> ((BizException) e).code()).isEqualTo(code);
    }

    /** The store's rules in memory: unique sender + request number, the day's total refused past the limit. */
    static final class FakeTransfers implements TransferStore {
        final Map<String, WalletTransferDTO> transfers = new HashMap<>();
        final Map<String, Long> days = new HashMap<>();

        @Override
        public Optional<WalletTransferDTO> findTransfer(String fromBuyerId, String requestNo) {
            return Optional.ofNullable(transfers.get(fromBuyerId + "|" + requestNo));
        }

        @Override
        public void record(WalletTransferDTO t, LocalDate day, long dailyLimit) {
            String dayKey = t.fromBuyerId() + "|" + day;
            long after = days.getOrDefault(dayKey, 0L) + t.amount().minor();
            if (after > dailyLimit) {
                throw new BizException(ErrorCode.TRANSFER_LIMIT_EXCEEDED, "limit");
            }
            if (transfers.putIfAbsent(t.fromBuyerId() + "|" + t.requestNo(), t) != null) {
                throw new IllegalStateException("duplicate key");
            }
            days.put(dayKey, after);
        }
    }
}
