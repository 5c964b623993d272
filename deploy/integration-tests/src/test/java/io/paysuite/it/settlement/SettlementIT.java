package io.paysuite.it.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.MerchantStatementQry;
import io.paysuite.api.ledger.StatementLineDTO;
import io.paysuite.api.money.Money;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.api.refund.CreateRefundCmd;
import io.paysuite.api.refund.RefundByNoQry;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundService;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.api.settlement.SettlementDTO;
import io.paysuite.api.settlement.SettlementQry;
import io.paysuite.api.settlement.SettlementService;
import io.paysuite.api.settlement.SettlementStatus;
import io.paysuite.api.trade.ConfirmTradeCmd;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.it.MerchantSink;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.cashier.NotificationReceiver;
import io.paysuite.it.channel.SandboxControl;
import io.paysuite.it.openapi.Buyers;
import io.paysuite.it.openapi.MerchantClient;
import io.paysuite.it.openapi.Merchants;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Settlement against the real suite: a month of seeded days — payments, partial refunds, refunds of
 * trades already settled, guarantee trades paid and released later — each "day" followed by the
 * settlement run of the next date through the ops API (the run settles every unsettled posting up to
 * the merchant's cycle, so running the dates of the coming month after each day's activity plays the
 * month without a clock that moves). It ends with every merchant's settlements + what is still pending
 * = what the ledger's own trade entries owe it, to the cent; what was paid out + available + in transit =
 * what was settled; the trial balance balanced; the merchant's open API reads agreeing; and a re-run of a
 * settled date changing nothing.
 *
 * <p>The payouts go through channel-gateway's {@code PayoutService} (the payout channel); the test waits for
 * every settlement to end ({@code PAID}, or {@code FAILED} with the money back to available) and for a
 * {@code SETTLEMENT.PAID} notification of each paid one at the merchant's settlement notify URL.
 *
 * <p>Beside the month: payouts the sandbox's Alipay transfers refuse (a card ending 0000 at once, 8888 returned by
 * the bank later) end their settlements {@code FAILED} with the money back and paid by the next run once the account
 * is corrected; and a T+2 merchant's payment is settled a run date after a T+1 merchant's payment of the same day.
 */
class SettlementIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DAYS = 30;
    /** Paid at once by the sandbox's Alipay transfers (any card ending other than 0000, 1111, 6666, 8888, 9999). */
    private static final String PAID_ACCOUNT = "6222020000000006001";
    /** The sandbox's Alipay transfer refuses it at once: 40004 PAYEE_CARD_INFO_ERROR, nothing sent. */
    private static final String REFUSED_ACCOUNT = "6222020000000000000";
    /** The sandbox's bank takes the transfer (DEALING) and returns it after its delay: FAIL, PAYEE_ACCOUNT_NOT_EXSIT. */
    private static final String RETURNED_ACCOUNT = "6222020000000008888";

    private final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    private final RefundService refunds = SuiteHarness.reference(RefundService.class, null);
    private final LedgerService ledger = SuiteHarness.reference(LedgerService.class, null);
    private final SettlementService settlements = SuiteHarness.reference(SettlementService.class, null);

    /** What the test itself knows of one merchant's trades: buyers' money in and out, escrow still held. */
    static final class Book {
        final Merchants.TestMerchant merchant;
        final List<TradeDTO> paid = new ArrayList<>();
        final Map<String, Long> refundedOf = new HashMap<>();
        final List<TradeDTO> unreleased = new ArrayList<>();
        long payments;
        long refunded;

        Book(Merchants.TestMerchant merchant) {
            this.merchant = merchant;
        }

        String id() {
            return merchant.merchantId();
        }
    }

    @Test
    void aMonthOfDaysSettledDayByDayEndsWithEveryMerchantPaidWhatItWasOwedToTheCent() throws Exception {
        LocalDate today = LocalDate.now(ZONE);
        try (NotificationReceiver receiver = new NotificationReceiver((id, n) -> 200)) {
            Book daily = new Book(onboardWithTerms("Settlement IT T+1", 1, receiver.url()));
            Book slow = new Book(onboardWithTerms("Settlement IT T+2", 2, receiver.url()));
            Buyers.Buyer buyer = Buyers.funded(100_000_000);
            Random random = new Random(20261206);

            for (int day = 1; day <= DAYS; day++) {
                for (Book book : List.of(daily, slow)) {
                    for (int n = random.nextInt(3) + 1; n > 0; n--) {
                        pay(book, buyer, 100 + random.nextInt(50_000), TradeType.INSTANT);
                    }
                    if (random.nextInt(3) == 0) {
                        pay(book, buyer, 1_000 + random.nextInt(20_000), TradeType.GUARANTEE);
                    }
                    if (random.nextBoolean() && !book.paid.isEmpty()) {
                        // often a trade settled on an earlier day: a refund after settlement
                        TradeDTO trade = book.paid.get(random.nextInt(book.paid.size()));
                        long left = trade.amount().minor() - book.refundedOf.getOrDefault(trade.tradeNo(), 0L);
                        if (trade.tradeType() == TradeType.GUARANTEE) {
                            left--; // a guarantee trade keeps something to release
                        }
                        if (left > 0) {
                            refund(book, trade, 1 + random.nextInt((int) Math.min(left, 30_000)));
                        }
                    }
                    if (random.nextInt(4) == 0 && !book.unreleased.isEmpty()) {
                        release(book, book.unreleased.remove(0));
                    }
                }
                // a day of refunds bigger than its payments makes a negative net, carried forward
                if (day == 10 && !daily.paid.isEmpty()) {
                    for (TradeDTO trade : List.copyOf(daily.paid)) {
                        long left = trade.amount().minor() - daily.refundedOf.getOrDefault(trade.tradeNo(), 0L);
                        if (left > 0 && trade.tradeType() == TradeType.INSTANT) {
                            refund(daily, trade, left);
                        }
                    }
                }
                runSettlement(today.plusDays(day));
            }
            // two more dates: the T+2 merchant's last days become due too
            runSettlement(today.plusDays(DAYS + 1));
            LocalDate last = today.plusDays(DAYS + 2);
            runSettlement(last);

            for (Book book : List.of(daily, slow)) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                        .until(() -> list(book, today, last).stream().allMatch(s -> s.status() != SettlementStatus.PROCESSING));
                assertOwedToTheCent(book, today, last);
                assertTheMerchantReadsItThroughTheOpenApi(book, today, last);
            }
            assertThat(ledger.trialBalance("CNY").data().balanced()).isTrue();
            assertThat(list(daily, today, last)).as("day 10's refunds carried a negative net forward")
                    .anyMatch(s -> s.net() < 0 || s.carriedForward() < 0);

            aRerunOfASettledDateChangesNothing(daily, today, last);

            List<SettlementDTO> paid = list(daily, today, last).stream()
                    .filter(s -> s.status() == SettlementStatus.PAID && s.payoutNo() != null).toList();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> paid.stream().allMatch(s -> !notified(receiver, "SETTLEMENT.PAID", s).isEmpty()));
        }
    }

    @Test
    void anotherMerchantsSettlementIsNotFound() throws Exception {
        LocalDate today = LocalDate.now(ZONE);
        Book owner = new Book(onboardWithTerms("Settlement IT owner", 1, null));
        Merchants.TestMerchant stranger = Merchants.onboard("Settlement IT stranger");
        pay(owner, Buyers.funded(10_000), 5_000, TradeType.INSTANT);
        LocalDate date = today.plusDays(DAYS + 10);
        runSettlement(date);
        SettlementDTO settlement = list(owner, date, date).get(0);

        MerchantClient.Answer foreign = stranger.client().get("/api/v1/settlements/" + settlement.settlementNo());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo("SETTLEMENT_NOT_FOUND");
        assertThat(stranger.client().get("/api/v1/settlements/" + settlement.settlementNo() + "/file").status()).isEqualTo(404);
        assertThat(owner.merchant.client().get("/api/v1/settlements/" + settlement.settlementNo()).status()).isEqualTo(200);
    }

    @Test
    void aPayoutTheChannelRefusesFailsTheSettlementReturnsTheMoneyAndTheNextSettlementPaysItToTheFixedAccount() throws Exception {
        try (NotificationReceiver receiver = new NotificationReceiver((id, n) -> 200)) {
            Book refused = new Book(onboardWithTerms("Settlement IT card refused", 1, receiver.url(), REFUSED_ACCOUNT));
            Book returned = new Book(onboardWithTerms("Settlement IT bank returns", 1, receiver.url(), RETURNED_ACCOUNT));
            Buyers.Buyer buyer = Buyers.funded(100_000);
            pay(refused, buyer, 12_000, TradeType.INSTANT);
            pay(returned, buyer, 34_000, TradeType.INSTANT);
            LocalDate first = LocalDate.now(ZONE).plusDays(DAYS + 20);

            runSettlement(first);

            Map<Book, SettlementDTO> failedOf = new HashMap<>();
            for (Book book : List.of(refused, returned)) {
                SettlementDTO failed = ended(book, first);
                failedOf.put(book, failed);
                assertThat(failed.status()).as("settlement of " + book.id()).isEqualTo(SettlementStatus.FAILED);
                assertThat(failed.payoutNo()).isNotNull();
                assertThat(failed.payoutStatus()).isEqualTo(PayoutStatus.FAILED);
                assertThat(failed.paidAt()).isNull();
                assertThat(failed.net()).isPositive().isEqualTo(failed.gross() - failed.fees());
                assertThat(balance(AccountType.MERCHANT_PENDING, book.id())).isZero();
                assertThat(balance(AccountType.MERCHANT_AVAILABLE, book.id())).as("the failed payout's money is back")
                        .isEqualTo(failed.net());
                assertThat(balance(AccountType.PAYOUT_IN_TRANSIT, book.id())).isZero();
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> !notified(receiver, "SETTLEMENT.FAILED", failed).isEmpty());
                JsonNode resource = notified(receiver, "SETTLEMENT.FAILED", failed, book.merchant).get(0).json().path("resource");
                assertThat(resource.path("status").asText()).isEqualTo("FAILED");
                assertThat(resource.path("payout").path("status").asText()).isEqualTo("FAILED");

                MerchantClient client = book.merchant.client();
                JsonNode read = client.get("/api/v1/settlements/" + failed.settlementNo()).json();
                assertThat(read.path("status").asText()).isEqualTo("FAILED");
                assertThat(read.path("payout").path("status").asText()).isEqualTo("FAILED");
                assertThat(read.path("payout").path("paid_at").isNull()).isTrue();
                assertThat(client.get("/api/v1/balance").json().path("available").asLong()).isEqualTo(failed.net());
            }
            assertThat(failedOf.get(returned).bankAccount()).isEqualTo("****8888");
            assertThat(SandboxControl.call("GET", "/sandbox/v1/orders/ALIPAY_PAYOUT/" + failedOf.get(returned).payoutNo(), null)
                    .path("status").asText()).as("the bank returned the transfer").isEqualTo("FAIL");

            // the operator corrects the accounts: the next run pays what the failed payouts left available
            setTerms(refused.merchant, 1, receiver.url(), PAID_ACCOUNT);
            setTerms(returned.merchant, 1, receiver.url(), PAID_ACCOUNT);
            LocalDate next = first.plusDays(1);
            Instant sent = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            runSettlement(next);

            for (Book book : List.of(refused, returned)) {
                SettlementDTO failed = failedOf.get(book);
                SettlementDTO paid = ended(book, next);
                assertThat(paid.status()).as("settlement of " + book.id()).isEqualTo(SettlementStatus.PAID);
                assertThat(paid.gross()).isZero();
                assertThat(paid.carriedForward()).as("the failed payout's money").isEqualTo(failed.net());
                assertThat(paid.net()).isEqualTo(failed.net());
                assertThat(paid.payoutNo()).isNotNull().isNotEqualTo(failed.payoutNo());
                assertThat(paid.payoutStatus()).isEqualTo(PayoutStatus.SUCCESS);
                assertThat(paid.paidAt()).isBetween(sent, Instant.now());
                assertThat(paid.bankAccount()).isEqualTo("****6001");
                assertThat(balance(AccountType.MERCHANT_AVAILABLE, book.id())).isZero();
                assertThat(balance(AccountType.PAYOUT_IN_TRANSIT, book.id())).isZero();
                assertThat(list(book, first, first)).singleElement().as("the failed one stays failed")
                        .satisfies(s -> assertThat(s.status()).isEqualTo(SettlementStatus.FAILED));

                JsonNode read = book.merchant.client().get("/api/v1/settlements/" + paid.settlementNo()).json();
                assertThat(read.path("status").asText()).isEqualTo("PAID");
                assertThat(read.path("carried_forward").asLong()).isEqualTo(failed.net());
                assertThat(read.path("payout").path("status").asText()).isEqualTo("SUCCESS");
                assertThat(read.path("payout").path("bank_account").asText()).isEqualTo("****6001");
                assertThat(OffsetDateTime.parse(read.path("payout").path("paid_at").asText()).toInstant())
                        .isEqualTo(paid.paidAt().truncatedTo(ChronoUnit.SECONDS));
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> !notified(receiver, "SETTLEMENT.PAID", paid).isEmpty());
                assertThat(notified(receiver, "SETTLEMENT.PAID", paid, book.merchant).get(0).json().path("resource")
                        .path("payout").path("paid_at").asText()).isEqualTo(read.path("payout").path("paid_at").asText());
            }
            assertThat(ledger.trialBalance("CNY").data().balanced()).isTrue();

            // a re-run of the failed date pays nothing again
            runSettlement(first);
            for (Book book : List.of(refused, returned)) {
                assertThat(list(book, first, first)).singleElement()
                        .satisfies(s -> assertThat(s.status()).isEqualTo(SettlementStatus.FAILED));
                assertThat(balance(AccountType.MERCHANT_AVAILABLE, book.id())).isZero();
            }
        }
    }

    @Test
    void aT2MerchantsPaymentIsSettledADayAfterAT1MerchantsPaymentOfTheSameDay() throws Exception {
        LocalDate today = LocalDate.now(ZONE);
        Book daily = new Book(onboardWithTerms("Settlement IT same day T+1", 1, null));
        Book slow = new Book(onboardWithTerms("Settlement IT same day T+2", 2, null));
        Buyers.Buyer buyer = Buyers.funded(100_000);
        pay(daily, buyer, 15_000, TradeType.INSTANT);
        pay(slow, buyer, 15_000, TradeType.INSTANT);
        long slowPending = balance(AccountType.MERCHANT_PENDING, slow.id());
        assertThat(slowPending).isPositive();

        runSettlement(today.plusDays(1));

        SettlementDTO dailySettled = ended(daily, today.plusDays(1));
        assertThat(dailySettled.periodTo()).isEqualTo(today);
        assertThat(dailySettled.gross()).isEqualTo(15_000);
        assertThat(balance(AccountType.MERCHANT_PENDING, daily.id())).isZero();
        assertThat(list(slow, today, today.plusDays(1))).as("T+2: today's payment is not due tomorrow").isEmpty();
        assertThat(balance(AccountType.MERCHANT_PENDING, slow.id())).isEqualTo(slowPending);
        assertThat(slow.merchant.client().get("/api/v1/balance").json().path("pending").asLong()).isEqualTo(slowPending);

        runSettlement(today.plusDays(2));

        SettlementDTO slowSettled = ended(slow, today.plusDays(2));
        assertThat(slowSettled.periodTo()).isEqualTo(today);
        assertThat(slowSettled.gross()).isEqualTo(15_000);
        assertThat(slowSettled.net()).isEqualTo(slowPending);
        assertThat(slowSettled.status()).isEqualTo(SettlementStatus.PAID);
        assertThat(balance(AccountType.MERCHANT_PENDING, slow.id())).isZero();
    }

    /** The merchant's one settlement of that date, once it ended (its payout's final answer booked). */
    private SettlementDTO ended(Book book, LocalDate date) {
        // 90 s: the gateway asks a DEALING transfer again after 5 s, 15 s, 30 s; the sandbox's bank answers after 1 s
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                list(book, date, date).stream().anyMatch(s -> s.status() != SettlementStatus.PROCESSING));
        return list(book, date, date).get(0);
    }

    /** The ledger's own trade entries say what each merchant is owed; settlements and balances must add up to it. */
    private void assertOwedToTheCent(Book book, LocalDate from, LocalDate to) {
        Instant now = Instant.now();
        List<StatementLineDTO> lines = ledger.merchantStatement(new MerchantStatementQry(book.id(), "CNY",
                now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.HOURS))).data();
        long owed = lines.stream().filter(l -> Set.of("PAYMENT", "RELEASE", "REFUND", "REFUND_REVERSAL").contains(l.bizType()))
                .mapToLong(StatementLineDTO::net).sum();
        List<SettlementDTO> all = list(book, from, to);
        long settled = all.stream().mapToLong(s -> s.net() - s.carriedForward()).sum();
        long pending = balance(AccountType.MERCHANT_PENDING, book.id());
        long available = balance(AccountType.MERCHANT_AVAILABLE, book.id());
        long inTransit = balance(AccountType.PAYOUT_IN_TRANSIT, book.id());
        long paidOut = all.stream().filter(s -> s.status() == SettlementStatus.PAID && s.payoutNo() != null)
                .mapToLong(SettlementDTO::net).sum();

        assertThat(pending).as("everything up to the last run date is settled").isZero();
        assertThat(settled + pending).as("settled + pending = owed, merchant " + book.id()).isEqualTo(owed);
        assertThat(paidOut + available + inTransit).as("paid out + carried = settled").isEqualTo(settled);
        assertThat(inTransit).as("every payout ended").isZero();
        long gross = all.stream().mapToLong(SettlementDTO::gross).sum();
        long refundsSettled = all.stream().mapToLong(SettlementDTO::refunds).sum();
        long released = book.payments - book.unreleased.stream().mapToLong(t -> t.amount().minor()).sum();
        long refundedOutOfEscrow = book.unreleased.stream().mapToLong(t -> book.refundedOf.getOrDefault(t.tradeNo(), 0L)).sum();
        assertThat(gross - refundsSettled).as("what buyers paid in and got back, as the test booked it")
                .isEqualTo(released - (book.refunded - refundedOutOfEscrow));
        assertThat(balance(AccountType.ESCROW, book.id())).as("held: unreleased guarantee trades")
                .isEqualTo(book.unreleased.stream().mapToLong(t -> t.amount().minor() - book.refundedOf.getOrDefault(t.tradeNo(), 0L)).sum());
    }

    private void assertTheMerchantReadsItThroughTheOpenApi(Book book, LocalDate from, LocalDate to) throws Exception {
        MerchantClient client = book.merchant.client();
        MerchantClient.Answer balance = client.get("/api/v1/balance");
        assertThat(balance.status()).as(balance.toString()).isEqualTo(200);
        assertThat(balance.signatureValid()).isTrue();
        JsonNode b = balance.json();
        assertThat(b.path("currency").asText()).isEqualTo("CNY");
        assertThat(b.path("pending").asLong()).isEqualTo(balance(AccountType.MERCHANT_PENDING, book.id()));
        assertThat(b.path("available").asLong()).isEqualTo(balance(AccountType.MERCHANT_AVAILABLE, book.id()));
        assertThat(b.path("held").asLong()).as("held: escrow + profit-sharing hold + pre-auth holds")
                .isEqualTo(balance(AccountType.ESCROW, book.id()) + balance(AccountType.PROFIT_SHARING_HELD, book.id())
                        + balance(AccountType.PREAUTH_HOLD, book.id()));

        MerchantClient.Answer listed = client.get("/api/v1/settlements?from=" + from + "&to=" + to);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        List<SettlementDTO> stored = list(book, from, to);
        assertThat(listed.json().size()).isEqualTo(stored.size());
        SettlementDTO first = stored.get(0);
        JsonNode one = client.get("/api/v1/settlements/" + first.settlementNo()).json();
        assertThat(one.path("settlement_no").asText()).isEqualTo(first.settlementNo());
        assertThat(one.path("period").path("from").asText()).isEqualTo(first.periodFrom().toString());
        assertThat(one.path("period").path("to").asText()).isEqualTo(first.periodTo().toString());
        for (String field : List.of("gross", "refunds", "fees", "adjustments", "carried_forward", "net")) {
            assertThat(one.has(field)).as(field).isTrue();
        }
        assertThat(one.path("net").asLong()).isEqualTo(first.net());
        assertThat(one.path("status").asText()).isEqualTo(first.status().name());
        if (first.payoutNo() != null) {
            assertThat(one.path("payout").path("payout_no").asText()).isEqualTo(first.payoutNo());
            assertThat(one.path("payout").path("bank_account").asText()).isEqualTo("****6001").doesNotContain("62220200");
        }
        MerchantClient.Answer file = client.get("/api/v1/settlements/" + first.settlementNo() + "/file");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.headers().getOrDefault("content-type", file.headers().getOrDefault("Content-Type", ""))).contains("text/csv");
        assertThat(file.body()).contains("NET," + first.net()).contains("GROSS," + first.gross());
        long rows = file.body().lines().filter(l -> l.matches("^\\d{4}-.*")).mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(',') + 1))).sum();
        assertThat(rows).as("the statement's rows add up to what the settlement moved").isEqualTo(first.net() - first.carriedForward());
    }

    private void aRerunOfASettledDateChangesNothing(Book book, LocalDate from, LocalDate last) throws Exception {
        List<SettlementDTO> before = list(book, from, last);
        var trialBefore = ledger.trialBalance("CNY").data();
        long available = balance(AccountType.MERCHANT_AVAILABLE, book.id());

        runSettlement(last);
        runSettlement(from.plusDays(5));

        assertThat(list(book, from, last)).isEqualTo(before);
        assertThat(balance(AccountType.MERCHANT_AVAILABLE, book.id())).isEqualTo(available);
        assertThat(ledger.trialBalance("CNY").data().balanced()).isTrue();
        assertThat(trialBefore.balanced()).isTrue();
    }

    private Merchants.TestMerchant onboardWithTerms(String name, int cycleDays, String notifyUrl) throws Exception {
        return onboardWithTerms(name, cycleDays, notifyUrl, PAID_ACCOUNT);
    }

    private Merchants.TestMerchant onboardWithTerms(String name, int cycleDays, String notifyUrl, String accountNo) throws Exception {
        Merchants.TestMerchant merchant = Merchants.onboard(name);
        setTerms(merchant, cycleDays, notifyUrl, accountNo);
        return merchant;
    }

    /** Sets (or changes) the merchant's settlement terms as an operator does. */
    private void setTerms(Merchants.TestMerchant merchant, int cycleDays, String notifyUrl, String accountNo) throws Exception {
        Map<String, Object> terms = new HashMap<>(Map.of("cycle_days", cycleDays, "account_no", accountNo,
                "account_name", merchant.merchantId(), "bank_name", "IT Bank", "operator", "settlement-it"));
        if (notifyUrl != null) {
            terms.put("notify_url", notifyUrl);
        }
        HttpResponse<String> set = Merchants.ops(Merchants.base(), "PUT",
                "/ops/api/v1/merchants/" + merchant.merchantId() + "/settlement-terms", JSON.writeValueAsString(terms));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(JSON.readTree(set.body()).path("bank_account").asText()).isEqualTo(masked(accountNo));
    }

    private static String masked(String accountNo) {
        return "****" + accountNo.substring(accountNo.length() - 4);
    }

    /** The settlement's notifications of that type at the receiver, each checked for the platform's signature. */
    private static List<NotificationReceiver.Received> notified(NotificationReceiver receiver, String eventType, SettlementDTO settlement,
                                                               Merchants.TestMerchant merchant) {
        List<NotificationReceiver.Received> found = notified(receiver, eventType, settlement);
        found.forEach(r -> assertThat(merchant.client().verifies(r.headers(), r.body())).as("signature of " + r.body()).isTrue());
        return found;
    }

    private static List<NotificationReceiver.Received> notified(NotificationReceiver receiver, String eventType, SettlementDTO settlement) {
        return receiver.all().stream().filter(r -> eventType.equals(r.json().path("event_type").asText())
                && settlement.settlementNo().equals(r.json().path("resource").path("settlement_no").asText())).toList();
    }

    private void runSettlement(LocalDate date) throws Exception {
        HttpResponse<String> run = Merchants.ops(Merchants.base(), "POST", "/ops/api/v1/settlements/runs",
                JSON.writeValueAsString(Map.of("date", date.toString(), "operator", "settlement-it")));
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
    }

    private void pay(Book book, Buyers.Buyer buyer, long minor, TradeType type) {
        Result<TradeDTO> created = trades.create(new CreateTradeCmd(book.id(), "STL-" + UUID.randomUUID().toString().substring(0, 24),
                type, Money.cny(minor), "settlement it", buyer.buyerId(), MerchantSink.notifyUrl(), null, null, null, null));
        assertThat(created.success()).as(created.code() + " " + created.message()).isTrue();
        var paid = Buyers.pay(created.data().tradeNo(), buyer.buyerId());
        assertThat(paid.success()).as(paid.code() + " " + paid.message()).isTrue();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> trade(created.data().tradeNo()).status() == TradeStatus.SUCCESS);
        TradeDTO trade = trade(created.data().tradeNo());
        book.paid.add(trade);
        book.payments += minor;
        if (type == TradeType.GUARANTEE) {
            book.unreleased.add(trade);
        }
    }

    private void refund(Book book, TradeDTO trade, long minor) {
        Result<RefundDTO> refund = refunds.refund(new CreateRefundCmd(book.id(), trade.tradeNo(), null,
                "RF-" + UUID.randomUUID().toString().substring(0, 24), Money.cny(minor), "settlement it"));
        assertThat(refund.success()).as(refund.code() + " " + refund.message()).isTrue();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> refunds.get(new RefundByNoQry(refund.data().refundNo(), book.id())).data().status()
                        == RefundStatus.SUCCESS);
        book.refundedOf.merge(trade.tradeNo(), minor, Long::sum);
        book.refunded += minor;
    }

    private void release(Book book, TradeDTO trade) {
        Result<TradeDTO> confirmed = trades.confirm(new ConfirmTradeCmd(trade.tradeNo(), book.id()));
        assertThat(confirmed.success()).as(confirmed.code() + " " + confirmed.message()).isTrue();
        // the release is posted with the confirmation; wait until the ledger holds it (escrow of the trade empty)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> ledger.entryByKey("REL-" + trade.tradeNo()).success());
    }

    private TradeDTO trade(String tradeNo) {
        return trades.get(TradeByNoQry.internal(tradeNo)).data();
    }

    private List<SettlementDTO> list(Book book, LocalDate from, LocalDate to) {
        Result<List<SettlementDTO>> listed = settlements.list(new SettlementQry(book.id(), from, to));
        assertThat(listed.success()).as(listed.code() + " " + listed.message()).isTrue();
        return listed.data();
    }

    private long balance(AccountType type, String owner) {
        var balance = ledger.balance(new AccountRef(type, owner, "CNY"));
        return balance.success() ? balance.data().balance() : 0;
    }
}
