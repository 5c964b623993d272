package io.paysuite.it.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.common.Result;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.refund.CreateRefundCmd;
import io.paysuite.api.refund.RefundByOutRefundNoQry;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.api.trade.ConfirmTradeCmd;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeByOutTradeNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.deploy.launcher.Suite;
import io.paysuite.it.MerchantSink;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.channel.SandboxControl;
import io.paysuite.it.money.ChaosBook.Created;
import io.paysuite.it.money.ChaosBook.Kind;
import io.paysuite.it.money.ChaosBook.RefundIntent;
import io.paysuite.it.money.ChaosBook.TradeIntent;
import io.paysuite.it.openapi.MerchantClient.Answer;
import io.paysuite.it.openapi.Merchants;
import io.paysuite.it.openapi.Merchants.TestMerchant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's check that no cent is lost or moved twice in the corner cases: a seeded workload of
 * mixed traffic from a few threads — balance payments (some of guarantee trades, later confirmed),
 * WeChat and Alipay QR payments finished by the sandbox buyer's scan, payment codes at a till
 * through the open API ({@code POST /api/v1/trades/barcode}; Alipay and WeChat codes that pay at
 * once, after the buyer confirms, or never and are reversed), partial refunds of any of them, and
 * confirms — while trade-core, pay-core, channel-gateway and accounting-service are each killed with
 * SIGKILL and restarted, and the broker is restarted, one at a time ({@link ChaosSchedule}).
 *
 * <p>Answers lost in a kill (transport errors, {@code SYSTEM_ERROR}) are only counted as unknown:
 * the end state decides. Once recovery has run, every trade the workload asked for is read back by
 * its merchant number, and: every trade is final ({@code SUCCESS}, {@code CLOSED}, {@code FINISHED})
 * and paid exactly its amount or nothing; every refund is final and a trade's refunded amount is the
 * sum of its successful refunds; a payment-code trade was never answered {@code WAIT_PAY} and ended (how long
 * the slowest took against the 60 s promise is printed, not asserted); every wallet is its funding less what its paid trades cost plus what
 * was refunded; each channel's takings as the sandbox tells them moved exactly as the ledger's
 * {@code CHANNEL_CLEARING} of that channel; the trial balance balances; and every channel conflict
 * recorded during the run has its refund.
 *
 * <p>{@code -Dchaos.seed} reproduces the traffic and the order of the disruptions (not the threads'
 * interleaving); {@code -Dchaos.operations} sizes it ({@value #DEFAULT_OPERATIONS} when run by name with
 * {@code -Dit.test=FundSafetyChaosIT}; {@code -Plong} runs 600, the size docs/benchmarks.md keeps). The short
 * form is part of the default run. The last line printed is the run's summary.
 */
class FundSafetyChaosIT {

    static final int DEFAULT_OPERATIONS = 120;
    private static final int OPERATIONS = Integer.getInteger("chaos.operations", DEFAULT_OPERATIONS);
    private static final int THREADS = 3;
    private static final int BUYERS = 6;
    private static final long FUNDING = 5_000_000;
    /** Short expiries, so the unpaid trades close while the test waits, not half an hour later. */
    private static final Duration BALANCE_EXPIRY = Duration.ofSeconds(30);
    private static final Duration QR_EXPIRY = Duration.ofSeconds(40);
    /** How long a buyer looks at the cashier for the QR code before walking away. */
    private static final Duration QR_PATIENCE = Duration.ofSeconds(15);
    /** Issue 12, item 9: a payment code always ends, within 60 s of its creation (reported, not asserted). */
    private static final Duration CODE_ENDS_WITHIN = Duration.ofSeconds(60);
    private static final Duration RECOVERY = Duration.ofMinutes(5);
    /** A caller whose service is down pauses before its next operation, as a till would. */
    private static final long PAUSE_AFTER_UNKNOWN_MILLIS = 200;
    private static final Set<TradeStatus> FINAL = Set.of(TradeStatus.SUCCESS, TradeStatus.CLOSED, TradeStatus.FINISHED);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MoneyPath path = new MoneyPath();
    private final ChannelService channels = SuiteHarness.reference(ChannelService.class, null);
    private final ChaosBook book = new ChaosBook();
    private final AtomicLong numbers = new AtomicLong();

    private List<String> merchants;
    private List<String> buyers;
    private String qrBuyer;
    private TestMerchant till;

    /** The end state as the platform tells it: every trade asked for (null: never created) and every refund. */
    record EndState(Map<TradeIntent, TradeDTO> trades, Map<RefundIntent, RefundDTO> refunds) {
    }

    @Test
    void mixedTrafficThroughAKillOfEachMoneyServiceAndABrokerRestartLosesNoCentAndMovesNoneTwice() throws Exception {
        long seed = Long.getLong("chaos.seed", new Random().nextLong());
        String run = "seed " + seed;
        System.out.printf("FundSafetyChaosIT seed=%d operations=%d threads=%d%n", seed, OPERATIONS, THREADS);
        Suite suite = SuiteHarness.suite();
        Random setup = new Random(seed);
        merchants = List.of(MoneyPath.merchant("M_FS_"), MoneyPath.merchant("M_FS_"));
        buyers = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            buyers.add(path.buyerWith(FUNDING));
        }
        qrBuyer = path.buyerWith(0); // pays by channel only: no wallet to check
        till = Merchants.onboard("fund safety till");
        Map<ChannelCode, ChannelTakings> before = steadyTakings();
        Instant started = Instant.now();

        ChaosSchedule schedule = ChaosSchedule.of(OPERATIONS, setup);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        Future<?> chaos = pool.submit(() -> schedule.run(suite, line -> System.out.println("FundSafetyChaosIT " + line)));
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(setup.nextLong());
            workers.add(pool.submit(() -> {
                while (schedule.nextTicket() >= 0) {
                    if (step(random).equals("unknown")) {
                        Thread.sleep(PAUSE_AFTER_UNKNOWN_MILLIS);
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> worker : workers) {
                worker.get(30, TimeUnit.MINUTES);
            }
        } finally {
            schedule.abandon(); // a no-op after a full run; after a failure, no more kills and nothing left down
            chaos.get(30, TimeUnit.MINUTES);
            pool.shutdown();
        }
        Instant trafficEnded = Instant.now();
        System.out.println("FundSafetyChaosIT traffic over: " + book.tally() + " disruptions " + schedule.happened());
        assertThat(schedule.failure()).as("every disruption was carried out (%s)", run).isNull();

        // recovery: checks, follow-ups, expiries and retries finish whatever the kills left open
        AtomicReference<EndState> end = new AtomicReference<>();
        await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().untilAsserted(() -> {
            EndState state = endState(run);
            everyTradeAndRefundIsFinal(state, run);
            end.set(state);
        });
        Duration toAllFinal = Duration.between(trafficEnded, Instant.now());
        EndState state = end.get();

        paymentCodesWereNeverAnsweredWaitPayAndEnded(state, run);
        AtomicReference<Map<ChannelCode, ChannelTakings>> after = new AtomicReference<>();
        Duration settling = RECOVERY.minus(toAllFinal).plusMinutes(1);
        await().atMost(settling).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().untilAsserted(() -> {
            EndState now = endState(run);
            everyTradeAndRefundIsFinal(now, run);
            tradesArePaidTheirAmountOnceAndRefundedWhatSucceeded(now, run);
            everyWalletIsFundingLessPaidPlusRefunded(now, run);
            after.set(channelsTookWhatTheLedgerClears(before, run));
            assertThat(path.ledger.trialBalance("CNY").data().balanced()).as("trial balance (%s)", run).isTrue();
            everyConflictHasItsRefund(started, run);
        });

        System.out.println(summary(seed, schedule, end.get(), before, after.get(), toAllFinal, Duration.between(started, trafficEnded)));
    }

    // ---- traffic ----

    /** One operation drawn from the seed; answers the outcome the tally recorded. */
    private String step(Random random) {
        int dice = random.nextInt(100);
        if (dice < 30) {
            return attempt(Kind.BALANCE, () -> balance(random));
        } else if (dice < 45) {
            Kind kind = dice < 38 ? Kind.WECHAT_QR : Kind.ALIPAY_QR;
            return attempt(kind, () -> qr(random, kind));
        } else if (dice < 65) {
            Kind kind = dice < 55 ? Kind.ALIPAY_CODE : Kind.WECHAT_CODE;
            return attempt(kind, () -> code(random, kind));
        } else if (dice < 88) {
            return attempt(Kind.REFUND, () -> refund(random));
        }
        return attempt(Kind.CONFIRM, () -> confirm(random));
    }

    /** Runs one operation; a call that threw (a killed service) is unknown, and the end state decides. */
    private String attempt(Kind kind, Supplier<String> operation) {
        String outcome;
        try {
            outcome = operation.get();
        } catch (RuntimeException | AssertionError lost) {
            outcome = "unknown"; // a transport error, or an answer that is no answer (not JSON) from a half-dead service
        }
        book.count(kind, outcome);
        return outcome.endsWith("unknown") ? "unknown" : outcome;
    }

    private String balance(Random random) {
        String buyer = buyers.get(random.nextInt(buyers.size()));
        TradeType type = random.nextInt(4) == 0 ? TradeType.GUARANTEE : TradeType.INSTANT;
        TradeIntent intent = book.intend(new TradeIntent(Kind.BALANCE, merchants.get(random.nextInt(merchants.size())),
                number("FSB"), buyer, type, 1 + random.nextInt(20_000)));
        Result<TradeDTO> created = create(intent, buyer, BALANCE_EXPIRY, List.of());
        if (!created.success()) {
            return "create " + ChaosBook.outcome(created);
        }
        Result<PayOrderDTO> paid = path.pay.pay(new PayCmd(created.data().tradeNo(), buyer, PayMethod.BALANCE,
                MoneyPath.PAY_PASSWORD, number("FSP")));
        return paid.success() ? "paid " + paid.data().status() : "pay " + ChaosBook.outcome(paid);
    }

    private String qr(Random random, Kind kind) {
        PayMethod method = kind == Kind.WECHAT_QR ? PayMethod.WECHAT_QR : PayMethod.ALIPAY_QR;
        boolean buyerPays = random.nextInt(100) < 85;
        TradeIntent intent = book.intend(new TradeIntent(kind, merchants.get(random.nextInt(merchants.size())), number("FSQ"),
                null, TradeType.INSTANT, 100 + random.nextInt(10_000)));
        Result<TradeDTO> created = create(intent, null, QR_EXPIRY, List.of(method));
        if (!created.success()) {
            return "create " + ChaosBook.outcome(created);
        }
        Result<PayOrderDTO> paying = path.pay.pay(new PayCmd(created.data().tradeNo(), qrBuyer, method, null, number("FSP")));
        if (!paying.success()) {
            return "pay " + ChaosBook.outcome(paying);
        }
        String payOrderNo = paying.data().payOrderNo();
        String code;
        try {
            // the code may come only with a follow-up, after channel-gateway is back
            code = await().atMost(QR_PATIENCE).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                    .until(() -> channels.get(payOrderNo).data().codeUrl(), Objects::nonNull);
        } catch (ConditionTimeoutException buyerWalkedAway) {
            return "no code shown";
        }
        String outcome = buyerPays ? "SUCCESS" : "FAIL";
        try {
            int status = SandboxControl.send("POST", "/sandbox/v1/scan", JSON.createObjectNode()
                    .put("code_url", code).put("outcome", outcome).toString()).statusCode();
            return "scanned " + outcome + " " + status;
        } catch (Exception e) {
            return "scan unknown";
        }
    }

    private String code(Random random, Kind kind) {
        int script = random.nextInt(100);
        String ending = script < 70 ? "0000" : script < 88 ? "8888" : "9999"; // pays at once, after the buyer confirms, never
        StringBuilder authCode = new StringBuilder(kind == Kind.ALIPAY_CODE ? "28" : "13");
        for (int i = 0; i < 12; i++) {
            authCode.append(random.nextInt(10));
        }
        authCode.append(ending);
        TradeIntent intent = book.intend(new TradeIntent(kind, till.merchantId(), number("FSC"), null, TradeType.INSTANT,
                100 + random.nextInt(10_000)));
        Answer answer = till.client().post("/api/v1/trades/barcode", "{\"out_trade_no\":\"" + intent.outTradeNo()
                + "\",\"amount\":{\"total\":" + intent.amount() + ",\"currency\":\"CNY\"},\"subject\":\"chaos till\","
                + "\"auth_code\":\"" + authCode + "\"}");
        if (answer.status() == 200 || answer.status() == 201) {
            String status = answer.json().path("status").asText();
            book.tillAnswers.put(intent.outTradeNo(), status);
            created(intent, answer.json().path("trade_no").asText());
            return "answered " + status;
        }
        return answer.status() >= 500 ? "http " + answer.status() + " unknown" : "refused:" + answer.code();
    }

    private String refund(Random random) {
        Optional<Created> target = book.pick(random, any -> true);
        if (target.isEmpty()) {
            return "nothing to refund";
        }
        Result<TradeDTO> read = path.trades.get(TradeByNoQry.internal(target.get().tradeNo()));
        if (!read.success()) {
            return "read " + ChaosBook.outcome(read);
        }
        TradeDTO trade = read.data();
        long left = trade.paidAmount().minor() - trade.refundedAmount().minor();
        if (!(trade.status() == TradeStatus.SUCCESS || trade.status() == TradeStatus.FINISHED) || left <= 0) {
            return "nothing left to refund";
        }
        long amount = random.nextInt(5) == 0 ? left : 1 + random.nextLong(Math.max(1, left / 2));
        RefundIntent intent = book.intend(new RefundIntent(trade.merchantId(), trade.tradeNo(), number("FSR"), amount));
        Result<RefundDTO> refunded = path.refunds.refund(new CreateRefundCmd(intent.merchantId(), intent.tradeNo(), null,
                intent.outRefundNo(), Money.cny(amount), "chaos"));
        if (refunded.success()) {
            book.answeredDone(intent.merchantId() + "/" + intent.outRefundNo());
            return "accepted " + refunded.data().status();
        }
        return ChaosBook.outcome(refunded);
    }

    private String confirm(Random random) {
        Optional<Created> target = book.pick(random, c -> c.intent().type() == TradeType.GUARANTEE);
        if (target.isEmpty()) {
            return "nothing to confirm";
        }
        return ChaosBook.outcome(path.trades.confirm(new ConfirmTradeCmd(target.get().tradeNo(), target.get().intent().merchantId())));
    }

    private Result<TradeDTO> create(TradeIntent intent, String buyer, Duration expiry, List<PayMethod> methods) {
        Result<TradeDTO> created = path.trades.create(new CreateTradeCmd(intent.merchantId(), intent.outTradeNo(), intent.type(),
                Money.cny(intent.amount()), "fund safety chaos", buyer, MerchantSink.notifyUrl(), null, null,
                Instant.now().plus(expiry), methods));
        if (created.success()) {
            created(intent, created.data().tradeNo());
        }
        return created;
    }

    private void created(TradeIntent intent, String tradeNo) {
        book.answeredDone(intent.merchantId() + "/" + intent.outTradeNo());
        book.created.add(new Created(intent, tradeNo));
    }

    private String number(String prefix) {
        return prefix + "-" + numbers.incrementAndGet() + "-" + Long.toString(Math.floorMod(System.nanoTime(), 1_000_000_000L), 36);
    }

    // ---- the end state and its checks ----

    /** Every trade and refund the workload asked for, read back by its merchant number. */
    private EndState endState(String run) {
        Map<TradeIntent, TradeDTO> trades = new LinkedHashMap<>();
        for (TradeIntent intent : book.trades) {
            Result<TradeDTO> read = path.trades.getByOutTradeNo(new TradeByOutTradeNoQry(intent.merchantId(), intent.outTradeNo()));
            if (!read.success() && !"TRADE_NOT_FOUND".equals(read.code())) {
                throw new AssertionError("cannot read trade " + intent + ": " + read.code() + " (" + run + ")");
            }
            trades.put(intent, read.data()); // null: never created
        }
        Map<RefundIntent, RefundDTO> refunds = new LinkedHashMap<>();
        for (RefundIntent intent : book.refunds) {
            Result<RefundDTO> read = path.refunds.getByOutRefundNo(new RefundByOutRefundNoQry(intent.merchantId(), intent.outRefundNo()));
            if (!read.success() && !"REFUND_NOT_FOUND".equals(read.code())) {
                throw new AssertionError("cannot read refund " + intent + ": " + read.code() + " (" + run + ")");
            }
            refunds.put(intent, read.data()); // null: never accepted
        }
        return new EndState(trades, refunds);
    }

    private void everyTradeAndRefundIsFinal(EndState state, String run) {
        state.trades().forEach((intent, trade) -> {
            if (trade == null) {
                assertThat(book.wasAnsweredDone(intent.merchantId() + "/" + intent.outTradeNo()))
                        .as("trade %s was answered as created but does not exist (%s)", intent, run).isFalse();
            } else {
                assertThat(trade.status()).as("trade %s of %s is final (%s)", trade.tradeNo(), intent, run).isIn(FINAL);
            }
        });
        state.refunds().forEach((intent, refund) -> {
            if (refund == null) {
                assertThat(book.wasAnsweredDone(intent.merchantId() + "/" + intent.outRefundNo()))
                        .as("refund %s was answered as accepted but does not exist (%s)", intent, run).isFalse();
            } else {
                assertThat(refund.status()).as("refund %s of %s is final (%s)", refund.refundNo(), intent, run)
                        .isIn(RefundStatus.SUCCESS, RefundStatus.FAILED);
            }
        });
    }

    /**
     * Issue 12, item 9: a till is never told WAIT_PAY, and every payment-code trade ended. How long the slowest took
     * against the 60 s promise is a figure printed with the run (timing never fails a test; docs/benchmarks.md keeps it).
     */
    private void paymentCodesWereNeverAnsweredWaitPayAndEnded(EndState state, String run) {
        assertThat(book.tillAnswers).as("statuses answered to the till (%s)", run).doesNotContainValue("WAIT_PAY");
        Duration longest = Duration.ZERO;
        String slowest = "none";
        for (Map.Entry<TradeIntent, TradeDTO> entry : state.trades().entrySet()) {
            TradeIntent intent = entry.getKey();
            TradeDTO trade = entry.getValue();
            if (trade == null || !(intent.kind() == Kind.ALIPAY_CODE || intent.kind() == Kind.WECHAT_CODE)) {
                continue;
            }
            Instant ended = trade.status() == TradeStatus.CLOSED ? trade.closedAt() : trade.paidAt();
            assertThat(ended).as("payment-code trade %s (%s) records when it ended (%s)", trade.tradeNo(), trade.status(), run)
                    .isNotNull();
            Duration took = Duration.between(trade.createdAt(), ended);
            if (took.compareTo(longest) > 0) {
                longest = took;
                slowest = trade.tradeNo() + " " + trade.status();
            }
        }
        System.out.printf("FundSafetyChaosIT payment codes: the longest ended %d s after creation (%s); the promise: %d s%n",
                longest.toSeconds(), slowest, CODE_ENDS_WITHIN.toSeconds());
    }

    /** A paid trade was paid its amount, once; an unpaid one nothing; refunded is the sum of its successful refunds. */
    private void tradesArePaidTheirAmountOnceAndRefundedWhatSucceeded(EndState state, String run) {
        Map<String, Long> succeeded = new TreeMap<>();
        state.refunds().forEach((intent, refund) -> {
            if (refund != null && refund.status() == RefundStatus.SUCCESS) {
                succeeded.merge(refund.tradeNo(), refund.amount().minor(), Long::sum);
            }
        });
        state.trades().values().stream().filter(Objects::nonNull).forEach(trade -> {
            long expectedPaid = trade.status() == TradeStatus.CLOSED ? 0 : trade.amount().minor();
            assertThat(trade.paidAmount().minor()).as("paid amount of %s %s (%s)", trade.status(), trade.tradeNo(), run)
                    .isEqualTo(expectedPaid);
            assertThat(trade.refundedAmount().minor()).as("refunded amount of %s: its successful refunds (%s)", trade.tradeNo(), run)
                    .isEqualTo(succeeded.getOrDefault(trade.tradeNo(), 0L));
        });
    }

    private void everyWalletIsFundingLessPaidPlusRefunded(EndState state, String run) {
        Map<String, Long> expected = new TreeMap<>();
        buyers.forEach(b -> expected.put(b, FUNDING));
        state.trades().forEach((intent, trade) -> {
            if (intent.kind() == Kind.BALANCE && trade != null && trade.status() != TradeStatus.CLOSED) {
                expected.merge(intent.buyerId(), trade.refundedAmount().minor() - trade.paidAmount().minor(), Long::sum);
            }
        });
        for (String buyer : buyers) {
            assertThat(path.balance(MoneyPath.wallet(buyer))).as("wallet of %s (%s)", buyer, run)
                    .isGreaterThanOrEqualTo(0).isEqualTo(expected.get(buyer));
        }
    }

    private Map<ChannelCode, ChannelTakings> channelsTookWhatTheLedgerClears(Map<ChannelCode, ChannelTakings> before, String run)
            throws Exception {
        Map<ChannelCode, ChannelTakings> after = ChannelTakings.now(path);
        for (ChannelCode channel : ChannelTakings.CHANNELS) {
            ChannelTakings from = before.get(channel);
            ChannelTakings to = after.get(channel);
            assertThat(to.clearing() - from.clearing())
                    .as("%s took %d net over the run by the sandbox; the ledger's clearing moved by as much (%s)",
                            channel, to.sandboxTook() - from.sandboxTook(), run)
                    .isEqualTo(to.sandboxTook() - from.sandboxTook());
        }
        return after;
    }

    private void everyConflictHasItsRefund(Instant started, String run) throws Exception {
        Optional<List<JsonNode>> conflicts = ChannelConflicts.since(started);
        if (conflicts.isEmpty()) {
            // GET /ops/api/v1/channel-conflicts is being added alongside this test; without it there is
            // nothing to read here, and the channel takings above still catch money left at a channel
            return;
        }
        for (JsonNode conflict : conflicts.get()) {
            assertThat(ChannelConflicts.refunded(conflict)).as("conflict %s has its refund (%s)", conflict, run).isTrue();
        }
    }

    /**
     * Before the run, the two views of each channel are read until they hold still (a refund of an
     * earlier test may still be on its way), so the run's own movements are what is compared.
     */
    private Map<ChannelCode, ChannelTakings> steadyTakings() {
        AtomicReference<Map<ChannelCode, ChannelTakings>> last = new AtomicReference<>();
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            Map<ChannelCode, ChannelTakings> now = ChannelTakings.now(path);
            return now.equals(last.getAndSet(now)) ? now : null;
        }, Objects::nonNull);
    }

    private String summary(long seed, ChaosSchedule schedule, EndState state, Map<ChannelCode, ChannelTakings> before,
                           Map<ChannelCode, ChannelTakings> after, Duration toAllFinal, Duration traffic) {
        Map<String, Long> trades = state.trades().entrySet().stream().collect(Collectors.groupingBy(
                e -> e.getKey().kind() + ":" + (e.getValue() == null ? "NONE" : e.getValue().status()), TreeMap::new,
                Collectors.counting()));
        Map<String, Long> refunds = state.refunds().values().stream().collect(Collectors.groupingBy(
                r -> r == null ? "NONE" : r.status().name(), TreeMap::new, Collectors.counting()));
        Map<ChannelCode, Long> took = new EnumMap<>(ChannelCode.class);
        ChannelTakings.CHANNELS.forEach(c -> took.put(c, after.get(c).sandboxTook() - before.get(c).sandboxTook()));
        return String.format("FundSafetyChaosIT summary seed=%d operations=%d threads=%d traffic=%ds all-final-after=%ds"
                        + " disruptions=%s operations-by-outcome=%s trades=%s refunds=%s channels-took=%s",
                seed, OPERATIONS, THREADS, traffic.toSeconds(), toAllFinal.toSeconds(),
                schedule.happened().stream().map(h -> h.name() + "@" + h.atOperation() + "(" + h.backAfterMillis() / 1000 + "s)")
                        .toList(), book.tally(), trades, refunds, took);
    }
}
