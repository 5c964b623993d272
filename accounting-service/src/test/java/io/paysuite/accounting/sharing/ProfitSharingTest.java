package io.paysuite.accounting.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.accounting.ledger.EntryRules;
import io.paysuite.accounting.ledger.InMemoryJournal;
import io.paysuite.accounting.ledger.OneFeeRate;
import io.paysuite.accounting.ledger.TradeEntries;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.PaymentPostingCmd;
import io.paysuite.api.ledger.RefundPostingCmd;
import io.paysuite.api.ledger.RefundReversalCmd;
import io.paysuite.api.money.Money;
import io.paysuite.api.sharing.CreateSharingOrderCmd;
import io.paysuite.api.sharing.SharingOrderDTO;
import io.paysuite.api.sharing.SharingOrderQry;
import io.paysuite.api.sharing.SharingOrderStatus;
import io.paysuite.api.sharing.SharingReceiverCmd;
import io.paysuite.api.sharing.SharingReceiverResult;
import io.paysuite.api.sharing.SharingReturnCmd;
import io.paysuite.api.sharing.UnfreezeCmd;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Profit sharing on the real entry rules and an in-memory journal: a trade of 100.00 paid to M1 at
 * 0.60 % leaves M1 99.40 pending, the most it can share.
 */
class ProfitSharingTest {

    static final long NET = 9_940;

    final InMemoryJournal journal = InMemoryJournal.withWallet("U1", 1_000_000);
    final EntryRules rules = new EntryRules(Set.of("CNY"));
    final TradeEntries trades = new TradeEntries(rules, new OneFeeRate());
    final InMemorySharing store = new InMemorySharing();
    final ProfitSharing sharing = new ProfitSharing(rules, journal, store, store,
            Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC));

    @BeforeEach
    void paid() {
        journal.post(trades.payment(new PaymentPostingCmd("pay-T1", "T1", "P1", "U1", "M1", Money.cny(10_000), false, null)));
    }

    @Test
    void aShareMovesItToTheReceiversPendingAndHoldsTheRestBackFromTheSharersSettlement() {
        SharingOrderDTO order = share("o1", false, receiver("M2", 3_000)).data();

        assertThat(order.status()).isEqualTo(SharingOrderStatus.FINISHED);
        assertThat(order.receivers()).singleElement().extracting(r -> r.result()).isEqualTo(SharingReceiverResult.SUCCESS);
        assertThat(pending("M2")).isEqualTo(3_000);
        assertThat(pending("M1")).isZero();
        assertThat(held("M1")).isEqualTo(NET - 3_000);
        assertThat(journal.imbalance()).isZero();
        assertThat(journal.entryByKey("SHARE-" + order.orderNo())).isPresent();
        assertThat(store.announced).singleElement().extracting(SharingOrder::orderNo).isEqualTo(order.orderNo());
    }

    @Test
    void aRepeatAnswersTheSameOrderAndMovesNothingMore() {
        SharingOrderDTO first = share("o1", false, receiver("M2", 3_000)).data();
        Result<SharingOrderDTO> again = share("o1", false, receiver("M2", 3_000));

        assertThat(again.repeated()).isTrue();
        assertThat(again.data().orderNo()).isEqualTo(first.orderNo());
        assertThat(pending("M2")).isEqualTo(3_000);
        assertThat(store.announced).hasSize(1);
    }

    @Test
    void theSameOutOrderNoWithOtherContentIsRefused() {
        share("o1", false, receiver("M2", 3_000));
        assertCode(() -> share("o1", false, receiver("M2", 3_001)), ErrorCode.OUT_ORDER_NO_USED);
    }

    @Test
    void sharesOverAllOrdersNeverExceedWhatTheMerchantReceivedAfterFeesAndARefusalChangesNothing() {
        share("o1", false, receiver("M2", 3_000));
        assertCode(() -> share("o2", false, receiver("M3", NET - 3_000 + 1)), ErrorCode.PROFIT_SHARING_AMOUNT_EXCEEDED);

        assertThat(store.orders).hasSize(1);
        assertThat(pending("M3")).isZero();
        assertThat(held("M1")).isEqualTo(NET - 3_000);

        share("o3", false, receiver("M3", NET - 3_000));
        assertThat(held("M1")).isZero();
        assertThat(pending("M3")).isEqualTo(NET - 3_000);
    }

    @Test
    void aFirstShareAboveTheNetAfterFeesIsRefused() {
        assertCode(() -> share("o1", false, receiver("M2", NET + 1)), ErrorCode.PROFIT_SHARING_AMOUNT_EXCEEDED);
        assertThat(store.orders).isEmpty();
        assertThat(pending("M1")).isEqualTo(NET);
    }

    @Test
    void tenParallelIdenticalRequestsMakeOneOrderAndOneEntry() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<CompletableFuture<Result<SharingOrderDTO>>> calls = IntStream.range(0, 10)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> share("o1", false, receiver("M2", 3_000)), pool)).toList();
            assertThat(calls.stream().map(CompletableFuture::join).map(r -> r.data().orderNo()).distinct()).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(store.orders).hasSize(1);
        assertThat(pending("M2")).isEqualTo(3_000);
    }

    @Test
    void unfreezeReleasesTheRestToTheSharersSettlementAndEndsTheTradesSharing() {
        share("o1", false, receiver("M2", 3_000));
        SharingOrderDTO unfreeze = sharing.unfreeze(new UnfreezeCmd("M1", "T1", "u1")).data();

        assertThat(unfreeze.receivers()).isEmpty();
        assertThat(unfreeze.unfreeze()).isTrue();
        assertThat(held("M1")).isZero();
        assertThat(pending("M1")).isEqualTo(NET - 3_000);
        assertCode(() -> share("o2", false, receiver("M3", 1)), ErrorCode.PROFIT_SHARING_NOT_ALLOWED);
    }

    @Test
    void anOrderWithUnfreezeUnsplitSharesAndReleasesTheRestAtOnce() {
        share("o1", true, receiver("M2", 3_000));
        assertThat(held("M1")).isZero();
        assertThat(pending("M1")).isEqualTo(NET - 3_000);
        assertThat(pending("M2")).isEqualTo(3_000);
        assertCode(() -> share("o2", false, receiver("M3", 1)), ErrorCode.PROFIT_SHARING_NOT_ALLOWED);
    }

    @Test
    void aRefundSmallerThanTheSharersPartTakesNothingFromReceivers() {
        share("o1", false, receiver("M2", 3_000));
        JournalEntryDTO refund = journal.post(trades.refund(refund("r1", 5_000)));

        assertThat(pending("M2")).isEqualTo(3_000);
        assertThat(held("M1")).isEqualTo(NET - 3_000 - (5_000 - fee(refund)));
        assertThat(journal.imbalance()).isZero();
    }

    @Test
    void aRefundLargerThanTheSharersRemainingPartTakesTheRestBackFromReceiversInOneEntry() {
        share("o1", false, receiver("M2", 3_000));
        JournalEntryDTO refund = journal.post(trades.refund(refund("r1", 8_000)));

        long fromMerchantSide = 8_000 - fee(refund);
        assertThat(held("M1")).isZero();
        assertThat(pending("M1")).isZero();
        assertThat(pending("M2")).isEqualTo(3_000 - (fromMerchantSide - (NET - 3_000)));
        assertThat(journal.imbalance()).isZero();
    }

    @Test
    void aFullRefundAfterUnfreezeEmptiesSharerAndReceivers() {
        share("o1", false, receiver("M2", 3_000), receiver("M3", 1_000));
        sharing.unfreeze(new UnfreezeCmd("M1", "T1", "u1"));
        journal.post(trades.refund(refund("r1", 10_000)));

        assertThat(pending("M1")).isZero();
        assertThat(pending("M2")).isZero();
        assertThat(pending("M3")).isZero();
        assertThat(journal.imbalance()).isZero();
    }

    @Test
    void aRefundReversalAfterUnfreezePutsTheHeldPartBackToTheSharersPendingNotTheReleasedHold() {
        share("o1", false, receiver("M2", 3_000));
        JournalEntryDTO refund = journal.post(trades.refund(refund("r1", 1_000)));
        sharing.unfreeze(new UnfreezeCmd("M1", "T1", "u1"));
        long pendingBefore = pending("M1");

        journal.post(trades.refundReversal(new RefundReversalCmd("rev-r1", "T1", "r1")));

        assertThat(held("M1")).isZero();
        assertThat(pending("M1")).isEqualTo(pendingBefore + 1_000 - fee(refund));
        assertThat(journal.imbalance()).isZero();
    }

    @Test
    void aReceiverGivesItsShareBackToTheSharerOnceAndNeverMoreThanItGot() {
        SharingOrderDTO order = share("o1", false, receiver("M2", 3_000)).data();
        sharing.giveBack(new SharingReturnCmd("M1", order.orderNo(), "ret1", "M2", Money.cny(1_000)));
        assertThat(sharing.giveBack(new SharingReturnCmd("M1", order.orderNo(), "ret1", "M2", Money.cny(1_000))).repeated()).isTrue();

        assertThat(pending("M2")).isEqualTo(2_000);
        assertThat(pending("M1")).isEqualTo(1_000);
        assertCode(() -> sharing.giveBack(new SharingReturnCmd("M1", order.orderNo(), "ret2", "M2", Money.cny(2_001))),
                ErrorCode.PROFIT_SHARING_AMOUNT_EXCEEDED);
        assertThat(journal.imbalance()).isZero();
    }

    @Test
    void anotherMerchantsTradeOrOrderIsNotFound() {
        assertCode(() -> sharing.share(new CreateSharingOrderCmd("M9", "T1", "o1", List.of(receiver("M2", 1)), false)),
                ErrorCode.TRADE_NOT_FOUND);
        SharingOrderDTO order = share("o1", false, receiver("M2", 1)).data();
        assertCode(() -> sharing.get(new SharingOrderQry("M9", order.orderNo())), ErrorCode.PROFIT_SHARING_NOT_FOUND);
        assertThat(sharing.get(new SharingOrderQry("M1", order.orderNo())).orderNo()).isEqualTo(order.orderNo());
    }

    @Test
    void aSettledTradeCannotBeSharedAnyMore() {
        store.settledTrades.add("T1");
        assertCode(() -> share("o1", false, receiver("M2", 1)), ErrorCode.PROFIT_SHARING_NOT_ALLOWED);
    }

    @Test
    void badReceiversAreRefusedNamingTheField() {
        assertThatThrownBy(() -> share("o1", false, receiver("M1", 1))).hasMessageContaining("receivers[0].merchant_id");
        assertThatThrownBy(() -> share("o1", false, receiver("M2", 1), receiver("M2", 2))).hasMessageContaining("receivers[1]");
        assertThatThrownBy(() -> share("o1", false, receiver("M2", 0))).hasMessageContaining("receivers[0].amount");
        assertThat(store.orders).isEmpty();
    }

    private Result<SharingOrderDTO> share(String outOrderNo, boolean unfreeze, SharingReceiverCmd... receivers) {
        return sharing.share(new CreateSharingOrderCmd("M1", "T1", outOrderNo, List.of(receivers), unfreeze));
    }

    private static SharingReceiverCmd receiver(String merchantId, long amount) {
        return new SharingReceiverCmd(merchantId, Money.cny(amount), "share of " + merchantId);
    }

    private static RefundPostingCmd refund(String key, long amount) {
        return new RefundPostingCmd(key, "T1", "R-" + key, "U1", "M1", Money.cny(amount), null, null, false, null);
    }

    private static long fee(JournalEntryDTO entry) {
        return entry.lines().stream().filter(l -> l.account().type() == AccountType.PLATFORM_FEE_INCOME)
                .mapToLong(l -> l.amount()).sum();
    }

    private long pending(String merchantId) {
        return journal.balance(new AccountRef(AccountType.MERCHANT_PENDING, merchantId, "CNY"));
    }

    private long held(String merchantId) {
        return journal.balance(new AccountRef(AccountType.PROFIT_SHARING_HELD, merchantId, "CNY"));
    }

    private static void assertCode(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
