package io.paysuite.accounting.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.paysuite.accounting.ledger.AccountTotals;
import io.paysuite.accounting.ledger.Balances;
import io.paysuite.accounting.ledger.EntryDraft;
import io.paysuite.accounting.ledger.EntryRules;
import io.paysuite.accounting.ledger.InMemoryJournal;
import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.member.MerchantService;
import io.paysuite.api.member.SettlementAccountDTO;
import io.paysuite.api.member.SettlementTermsDTO;
import io.paysuite.api.money.Money;
import io.paysuite.api.payout.PayoutDTO;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.api.settlement.SettlementDTO;
import io.paysuite.api.settlement.SettlementRunCmd;
import io.paysuite.api.settlement.SettlementRunDTO;
import io.paysuite.api.settlement.SettlementStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Settlement runs end to end over the ledger, the store's unique keys and the payout channel, all in memory: what
 * the run settles on which date, what two runs of one date at once do, and what a refused payout leaves.
 */
class SettlementRunTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant AT = Instant.parse("2026-12-08T17:30:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 12, 6);
    static final String DAILY = "M10000001";
    static final String SLOW = "M10000002";
    static final String PAID_ACCOUNT = "6222020000000006001";
    /** The sandbox's Alipay transfer refuses a card ending 0000 at once (PAYEE_CARD_INFO_ERROR). */
    static final String REFUSED_ACCOUNT = "6222020000000000";

    final InMemoryJournal journal = new InMemoryJournal();
    final InMemorySettlementStore store = new InMemorySettlementStore();
    final InMemoryPayoutChannel channel = new InMemoryPayoutChannel(AT);
    final MerchantService merchants = mock(MerchantService.class);
    final Map<String, Integer> cycles = new ConcurrentHashMap<>(Map.of(DAILY, 1, SLOW, 2));
    final Map<String, String> accounts = new ConcurrentHashMap<>(Map.of(DAILY, PAID_ACCOUNT, SLOW, PAID_ACCOUNT));
    final SettlementRun run;

    SettlementRunTest() {
        when(merchants.settlementTerms(anyString())).thenAnswer(call -> {
            String merchantId = call.getArgument(0);
            return Result.ok(new SettlementTermsDTO(merchantId, cycles.get(merchantId), "****6001", "Shop", "Bank", null));
        });
        when(merchants.settlementAccount(anyString())).thenAnswer(call -> {
            String merchantId = call.getArgument(0);
            return Result.ok(new SettlementAccountDTO(merchantId, accounts.get(merchantId), "Shop", "Bank"));
        });
        SettlementPayouts payouts = new SettlementPayouts(store, new SettlementBookings(new EntryRules(Set.of("CNY")), journal),
                store::finish, merchants, channel);
        run = new SettlementRun(store, payouts, new JournalBalances(journal, cycles.keySet()), merchants,
                new SettlementCalendar(ZONE), List.of("CNY"), Clock.fixed(AT, ZoneOffset.UTC));
    }

    @Test
    void twoRunsOfOneDateAtTheSameTimeSettleEachMerchantOnceAndPayEachOutOnce() throws Exception {
        pay(DAILY, 10_000, 60, at(DAY, 10, 0));
        pay(SLOW, 25_000, 150, at(DAY.minusDays(1), 9, 0));
        // both runs read every merchant's due before either claims it: the race the unique keys must decide
        store.letRunsReadTheDueTogether(new CyclicBarrier(2));

        ExecutorService instances = Executors.newFixedThreadPool(2);
        List<SettlementRunDTO> answers;
        try {
            Callable<SettlementRunDTO> oneInstance = () -> run.run(new SettlementRunCmd(DAY.plusDays(1), "scheduler"));
            List<Future<SettlementRunDTO>> both = instances.invokeAll(List.of(oneInstance, oneInstance), 30, TimeUnit.SECONDS);
            answers = List.of(both.get(0).get(), both.get(1).get());
        } finally {
            instances.shutdownNow();
        }

        assertThat(store.refusedClaims()).as("the second run lost the claim of each merchant").isEqualTo(2);
        assertThat(store.all()).extracting(Settlement::merchantId).containsExactlyInAnyOrder(DAILY, SLOW);
        assertThat(store.all()).allMatch(s -> s.status() == SettlementStatus.PAID);
        assertThat(answers.get(0).settlements()).extracting(SettlementDTO::settlementNo)
                .containsExactlyInAnyOrderElementsOf(answers.get(1).settlements().stream().map(SettlementDTO::settlementNo).toList())
                .hasSize(2);
        assertThat(channel.payouts()).extracting(PayoutDTO::amount).containsExactlyInAnyOrder(Money.cny(9_940), Money.cny(24_850));
        assertThat(store.finished()).as("one SETTLEMENT.PAID each").hasSize(2);
        for (String merchant : List.of(DAILY, SLOW)) {
            assertThat(balance(AccountType.MERCHANT_PENDING, merchant)).isZero();
            assertThat(balance(AccountType.MERCHANT_AVAILABLE, merchant)).isZero();
            assertThat(balance(AccountType.PAYOUT_IN_TRANSIT, merchant)).isZero();
        }
        assertThat(balance(AccountType.PLATFORM_BANK, AccountRef.PLATFORM)).as("paid out once").isEqualTo(-(9_940 + 24_850));
        assertThat(journal.imbalance()).isZero();
    }

    @Test
    void aT2MerchantsPaymentIsSettledADayAfterAT1MerchantsPaymentOfTheSameDay() {
        pay(DAILY, 10_000, 60, at(DAY, 23, 59));
        pay(SLOW, 10_000, 60, at(DAY, 10, 0));
        pay(DAILY, 5_000, 30, at(DAY.plusDays(1), 0, 0)); // the next day's: not due on the same run

        run.run(new SettlementRunCmd(DAY.plusDays(1), "ops"));

        assertThat(store.list(DAILY, DAY, DAY.plusDays(1))).singleElement().satisfies(s -> {
            assertThat(s.periodTo()).isEqualTo(DAY);
            assertThat(s.figures().gross()).isEqualTo(10_000);
            assertThat(s.figures().net()).isEqualTo(9_940);
        });
        assertThat(store.list(SLOW, DAY, DAY.plusDays(1))).as("T+2: the day's payment is not due a day later").isEmpty();
        assertThat(balance(AccountType.MERCHANT_PENDING, SLOW)).isEqualTo(9_940);
        assertThat(balance(AccountType.MERCHANT_PENDING, DAILY)).isEqualTo(4_970);

        run.run(new SettlementRunCmd(DAY.plusDays(2), "ops"));

        assertThat(store.list(SLOW, DAY, DAY.plusDays(2))).singleElement().satisfies(s -> {
            assertThat(s.settleDate()).isEqualTo(DAY.plusDays(2));
            assertThat(s.periodFrom()).isEqualTo(DAY);
            assertThat(s.periodTo()).isEqualTo(DAY);
            assertThat(s.figures().net()).isEqualTo(9_940);
            assertThat(s.status()).isEqualTo(SettlementStatus.PAID);
        });
        assertThat(store.list(DAILY, DAY.plusDays(2), DAY.plusDays(2))).singleElement()
                .satisfies(s -> assertThat(s.figures().gross()).as("T+1: the next day's payment").isEqualTo(5_000));
        assertThat(balance(AccountType.MERCHANT_PENDING, SLOW)).isZero();
        assertThat(balance(AccountType.MERCHANT_PENDING, DAILY)).isZero();
    }

    @Test
    void aRefusedPayoutReturnsTheMoneyToAvailableAndTheNextRunAfterTheAccountIsFixedPaysIt() {
        accounts.put(DAILY, REFUSED_ACCOUNT);
        pay(DAILY, 10_000, 60, at(DAY, 10, 0));

        run.run(new SettlementRunCmd(DAY.plusDays(1), "ops"));

        Settlement failed = store.list(DAILY, DAY, DAY.plusDays(1)).get(0);
        assertThat(failed.status()).isEqualTo(SettlementStatus.FAILED);
        assertThat(failed.payoutStatus()).isEqualTo(PayoutStatus.FAILED);
        assertThat(failed.paidAt()).isNull();
        assertThat(failed.bankAccount()).isEqualTo("****0000");
        assertThat(balance(AccountType.MERCHANT_AVAILABLE, DAILY)).as("the money is back").isEqualTo(9_940);
        assertThat(balance(AccountType.PAYOUT_IN_TRANSIT, DAILY)).isZero();
        assertThat(store.finished()).extracting(Settlement::status).containsExactly(SettlementStatus.FAILED);

        accounts.put(DAILY, PAID_ACCOUNT);
        run.run(new SettlementRunCmd(DAY.plusDays(1), "ops")); // a re-run of the failed date changes nothing
        assertThat(store.find(failed.settlementNo())).contains(failed);
        run.run(new SettlementRunCmd(DAY.plusDays(2), "ops"));

        Settlement next = store.findRun(DAILY, DAY.plusDays(2), "CNY").orElseThrow();
        assertThat(next.figures().gross()).isZero();
        assertThat(next.figures().carriedForward()).as("the failed payout's money").isEqualTo(9_940);
        assertThat(next.figures().net()).isEqualTo(9_940);
        assertThat(next.status()).isEqualTo(SettlementStatus.PAID);
        assertThat(next.payoutStatus()).isEqualTo(PayoutStatus.SUCCESS);
        assertThat(next.paidAt()).isEqualTo(AT);
        assertThat(next.bankAccount()).isEqualTo("****6001");
        assertThat(balance(AccountType.MERCHANT_AVAILABLE, DAILY)).isZero();
        assertThat(balance(AccountType.PLATFORM_BANK, AccountRef.PLATFORM)).isEqualTo(-9_940);
        assertThat(channel.payouts()).extracting(PayoutDTO::status).containsExactly(PayoutStatus.FAILED, PayoutStatus.SUCCESS);
        assertThat(journal.imbalance()).isZero();
    }

    /** A payment as the ledger books it (the fee taken from the merchant's share) and as settlement finds it due. */
    private void pay(String merchantId, long amount, long fee, Instant postedAt) {
        DueEntry due = store.posted(merchantId, "PAYMENT", postedAt, amount - fee, fee);
        journal.post(new EntryDraft(due.postingKey(), due.bizType(), due.bizNo(), "CNY", List.of(
                new PostingLine(new AccountRef(AccountType.CHANNEL_CLEARING, AccountRef.PLATFORM, "CNY"), AccountType.Side.DEBIT, amount),
                new PostingLine(new AccountRef(AccountType.MERCHANT_PENDING, merchantId, "CNY"), AccountType.Side.CREDIT, amount - fee),
                new PostingLine(new AccountRef(AccountType.PLATFORM_FEE_INCOME, AccountRef.PLATFORM, "CNY"), AccountType.Side.CREDIT, fee)),
                "payment", due.postingKey()));
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toInstant();
    }

    private long balance(AccountType type, String owner) {
        return journal.balance(new AccountRef(type, owner, "CNY"));
    }

    /** The ledger's balances as the in-memory journal leaves them; the accounts listed are the merchants' available ones. */
    private record JournalBalances(InMemoryJournal journal, Set<String> merchantIds) implements Balances {

        @Override
        public Optional<AccountTotals> account(String code) {
            AccountRef ref = AccountRef.parse(code);
            long balance = journal.balance(ref);
            boolean debitNormal = ref.type().normalSide() == AccountType.Side.DEBIT;
            return Optional.of(new AccountTotals(code, ref.type(), debitNormal ? balance : 0, debitNormal ? 0 : balance, 0, 0));
        }

        @Override
        public List<AccountTotals> accounts(String currency) {
            return merchantIds.stream().map(m -> account(new AccountRef(AccountType.MERCHANT_AVAILABLE, m, currency).code()).orElseThrow())
                    .toList();
        }
    }
}
