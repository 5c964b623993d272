package io.paysuite.it.recon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.common.Result;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.ledger.TrialBalanceDTO;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.refund.CreateRefundCmd;
import io.paysuite.api.refund.RefundByNoQry;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundService;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.it.MerchantSink;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.channel.Breakers;
import io.paysuite.it.channel.SandboxControl;
import io.paysuite.it.openapi.Buyers;
import io.paysuite.it.openapi.Merchants;
import io.paysuite.deploy.infra.DatabaseServer;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Channel reconciliation through the real suite and the ops API: Alipay payments and refunds made through pay-core
 * and the sandbox, then the sandbox's bill of the day given a difference of every type (payments and refunds:
 * dropped, re-amounted, added for an order we never had, added for an order we hold unpaid), then
 * {@code POST /ops/api/v1/reconciliations}. Each difference is found; what the system can decide it decides through
 * the normal paths (the unpaid order is settled by the bill and its trade succeeds), the rest are resolved by an
 * operator's action with a reason, each posting its own journal entry; the trial balance stays balanced; a re-run is
 * the same batch with nothing new. Beside it: a real payment at the channel no order of ours owns, paid back by the
 * system or, once the system could not, by an operator's {@code REFUND}; a refund the bill lists while ours is held
 * processing; the day's clearing entry read back from the ledger; real payments and refunds of both QR channels that
 * reconcile without a difference.
 *
 * <p>Only this test's own numbers are asserted on: the day's batch also holds other tests' orders of the same day.
 */
class ChannelReconciliationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId CHANNEL_DAY = ZoneId.of("Asia/Shanghai");

    private final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    private final PayService pay = SuiteHarness.reference(PayService.class, null);
    private final ChannelService channels = SuiteHarness.reference(ChannelService.class, null);
    private final RefundService refunds = SuiteHarness.reference(RefundService.class, null);
    private final LedgerService ledger = SuiteHarness.reference(LedgerService.class, null);
    private final Map<String, String> refundsOf = new java.util.HashMap<>();
    private final String merchant = "M_RECON_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();

    @AfterEach
    void clearFaults() throws Exception {
        SandboxControl.call("DELETE", "/sandbox/v1/bill-faults", null);
        SandboxControl.call("DELETE", "/sandbox/v1/faults", null);
    }

    @Test
    void everyDifferenceInTheBillIsFoundAndResolvedAndARerunFindsNothingNew() throws Exception {
        String buyer = Buyers.funded(1).buyerId();
        Paid clean = paidByAlipay(buyer, 1_101);
        Paid dropped = paidByAlipay(buyer, 1_202);
        Paid reAmounted = paidByAlipay(buyer, 1_303);
        Paid refundDropped = paidByAlipay(buyer, 1_404);
        Paid refundReAmounted = paidByAlipay(buyer, 1_505);
        // the channel knows a refund by our refund number: the differences name it, the test maps it to its order
        refundsOf.put(refunded(clean, 101), clean.no());
        refundsOf.put(refunded(refundDropped, 404), refundDropped.no());
        refundsOf.put(refunded(refundReAmounted, 505), refundReAmounted.no());
        // an order we hold unpaid (QR shown, never scanned) that the bill will list as paid
        TradeDTO unpaidTrade = newTrade(1_606);
        PayOrderDTO unpaid = ok(pay.pay(new PayCmd(unpaidTrade.tradeNo(), buyer, PayMethod.ALIPAY_QR, null, "REQ-" + UUID.randomUUID())));
        String unpaidNo = ok(channels.get(unpaid.payOrderNo())).channelOrderNo();
        String strangerNo = "CFAULT" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
        String strangerRefundNo = "RFAULT" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
        LocalDate day = LocalDate.ofInstant(clean.order().finishedAt(), CHANNEL_DAY);

        billFault(day, "DROP_LINE", "PAYMENT", dropped.no(), null, null);
        billFault(day, "CHANGE_AMOUNT", "PAYMENT", reAmounted.no(), null, 1_300L);
        billFault(day, "ADD_LINE", "PAYMENT", unpaidNo, null, 1_606L);
        billFault(day, "ADD_LINE", "PAYMENT", strangerNo, null, 999L);
        billFault(day, "DROP_LINE", "REFUND", refundDropped.no(), null, null);
        billFault(day, "CHANGE_AMOUNT", "REFUND", refundReAmounted.no(), null, 550L);
        billFault(day, "ADD_LINE", "REFUND", clean.no(), strangerRefundNo, 77L);

        JsonNode batch = ops("POST", "/ops/api/v1/reconciliations", JSON.createObjectNode().put("channel", "ALIPAY")
                .put("bill_date", day.toString()).toString(), 200);
        long id = batch.path("reconciliation_id").asLong();
        assertThat(batch.path("channel").asText()).isEqualTo("ALIPAY");
        assertThat(batch.path("bill_date").asText()).isEqualTo(day.toString());
        assertThat(batch.path("matched").asLong()).isPositive();

        Map<String, JsonNode> found = mine(id, Set.of(clean.no(), dropped.no(), reAmounted.no(), refundDropped.no(), refundReAmounted.no(),
                unpaidNo, strangerNo, strangerRefundNo));
        assertThat(found.keySet()).containsExactlyInAnyOrder("PAYMENT/PLATFORM_ONLY/" + dropped.no(),
                "PAYMENT/AMOUNT_MISMATCH/" + reAmounted.no(), "PAYMENT/STATUS_MISMATCH/" + unpaidNo,
                "PAYMENT/CHANNEL_ONLY/" + strangerNo, "REFUND/PLATFORM_ONLY/" + refundDropped.no(),
                "REFUND/AMOUNT_MISMATCH/" + refundReAmounted.no(), "REFUND/CHANNEL_ONLY/" + strangerRefundNo);
        JsonNode reAmountedDifference = found.get("PAYMENT/AMOUNT_MISMATCH/" + reAmounted.no());
        assertThat(reAmountedDifference.path("our_amount").asLong()).isEqualTo(1_303);
        assertThat(reAmountedDifference.path("channel_amount").asLong()).isEqualTo(1_300);
        assertThat(reAmountedDifference.path("status").asText()).as("a channel's amount is never trusted").isEqualTo("ESCALATED");

        // decided by the system through the normal settle path: the unpaid order is paid, its trade succeeds
        JsonNode settled = found.get("PAYMENT/STATUS_MISMATCH/" + unpaidNo);
        assertThat(settled.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(settled.path("resolution").path("action").asText()).isEqualTo("AUTO_SETTLED");
        assertThat(settled.path("resolution").path("by").asText()).isEqualTo("SYSTEM");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> ok(trades.get(TradeByNoQry.internal(unpaidTrade.tradeNo()))).status() == TradeStatus.SUCCESS);

        // a made-up number the sandbox never saw: the system's pay-back is refused by the channel (ACQ.TRADE_NOT_EXIST), so
        // it is the operators'; the real pay-back is aPaymentAtTheChannelThatNoOrderOfOursOwnsIsPaidBackThroughTheChannelBySystem
        JsonNode stranger = found.get("PAYMENT/CHANNEL_ONLY/" + strangerNo);
        assertThat(stranger.path("status").asText()).as(stranger.toString()).isEqualTo("ESCALATED");
        assertThat(stranger.path("note").asText()).contains("refused the pay-back");

        // the rest by operators, each with a reason and its own journal entry
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, JsonNode> difference : found.entrySet()) {
            JsonNode d = difference.getValue();
            if (d.path("status").asText().equals("RESOLVED")) {
                continue; // the unpaid order the system settled
            }
            String action = difference.getKey().contains("AMOUNT_MISMATCH") ? "ADJUST" : "ACCEPT";
            JsonNode resolved = ops("POST", "/ops/api/v1/reconciliations/differences/" + d.path("difference_id").asLong() + "/resolve",
                    JSON.createObjectNode().put("action", action).put("reason", "reconciliation IT: " + difference.getKey()).toString(),
                    200);
            assertThat(resolved.path("status").asText()).isEqualTo("RESOLVED");
            assertThat(resolved.path("resolution").path("action").asText()).isEqualTo(action);
            assertThat(resolved.path("resolution").path("by").asText()).startsWith("ops-token");
            assertThat(resolved.path("resolution").path("reason").asText()).isEqualTo("reconciliation IT: " + difference.getKey());
            keys.add(resolved.path("resolution").path("posting_key").asText());
        }
        assertThat(keys).as("every operator's action that moves money posted its own entry").doesNotHaveDuplicates()
                .allSatisfy(key -> assertThat(ledger.entryByKey(key).success()).as(key).isTrue());
        assertThat(keys).hasSizeGreaterThanOrEqualTo(5);
        TrialBalanceDTO trial = ok(ledger.trialBalance("CNY"));
        assertThat(trial.balanced()).isTrue();
        // the day was cleared: a balanced entry between the channel's clearing account, the bank and the fee expense
        // (its amounts are the whole day's, other tests' payments included: exact figures are checked on a day of its own)
        assertThat(clearingLines(batch.path("clearing_posting_key").asText())).allSatisfy(line -> assertThat(line)
                .matches("(CHANNEL_CLEARING:ALIPAY|PLATFORM_BANK:PLATFORM|CHANNEL_FEE_EXPENSE:ALIPAY):CNY (DEBIT|CREDIT) \\d+"));

        // a re-run: the same batch, nothing new, everything of ours resolved
        JsonNode again = ops("POST", "/ops/api/v1/reconciliations", JSON.createObjectNode().put("channel", "ALIPAY")
                .put("bill_date", day.toString()).toString(), 200);
        assertThat(again.path("reconciliation_id").asLong()).isEqualTo(id);
        assertThat(again.path("last_run").path("added").asInt()).isZero();
        Map<String, JsonNode> after = mine(id, Set.of(clean.no(), dropped.no(), reAmounted.no(), refundDropped.no(),
                refundReAmounted.no(), unpaidNo, strangerNo, strangerRefundNo));
        assertThat(after.keySet()).isEqualTo(found.keySet());
        assertThat(after.values()).allSatisfy(d -> assertThat(d.path("status").asText()).isEqualTo("RESOLVED"));
        assertThat(ops("GET", "/ops/api/v1/reconciliations/" + id, null, 200).path("runs").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(ok(ledger.trialBalance("CNY")).balanced()).isTrue();
    }

    /**
     * The outside operator's check: real Alipay and WeChat Pay payments and refunds of today, then the day reconciled
     * through the ops API. The day's batch also holds other tests' orders (and whatever they injected), so the
     * assertion is on ours: every one matched, none named by any difference, open or not.
     */
    @Test
    void anOperatorReconcilingACleanDayFindsEveryPaymentAndRefundOfItMatched() throws Exception {
        String buyer = Buyers.funded(1).buyerId();
        Map<ChannelOrderDTO, LocalDate> orders = new java.util.LinkedHashMap<>();
        Set<String> numbers = new java.util.HashSet<>();
        for (PayMethod method : List.of(PayMethod.ALIPAY_QR, PayMethod.WECHAT_QR)) {
            Paid whole = paidBy(method, buyer, 2_111);
            Paid partly = paidBy(method, buyer, 2_222);
            numbers.addAll(List.of(whole.no(), partly.no(), refunded(whole, 2_111), refunded(partly, 222)));
            orders.put(whole.order(), LocalDate.ofInstant(whole.order().finishedAt(), CHANNEL_DAY));
            orders.put(partly.order(), LocalDate.ofInstant(partly.order().finishedAt(), CHANNEL_DAY));
        }

        Set<String> reconciled = new java.util.TreeSet<>();
        for (Map.Entry<ChannelOrderDTO, LocalDate> paid : orders.entrySet()) {
            // the refunds were made just now: the same Beijing day as the payments, or the next one around midnight
            for (LocalDate day : List.of(paid.getValue(), LocalDate.now(CHANNEL_DAY))) {
                if (!reconciled.add(paid.getKey().channel() + "/" + day)) {
                    continue;
                }
                JsonNode batch = ops("POST", "/ops/api/v1/reconciliations", JSON.createObjectNode()
                        .put("channel", paid.getKey().channel().name()).put("bill_date", day.toString()).toString(), 200);
                assertThat(batch.path("matched").asLong()).isPositive();
                JsonNode differences = ops("GET", "/ops/api/v1/reconciliations/" + batch.path("reconciliation_id").asLong()
                        + "/differences", null, 200);
                for (JsonNode d : differences) {
                    assertThat(numbers).as("a difference names our clean payment or refund: " + d)
                            .doesNotContain(d.path("our_no").asText(""), d.path("channel_no").asText(""));
                }
            }
        }
        assertThat(reconciled).as("both channels reconciled").anyMatch(r -> r.startsWith("ALIPAY/")).anyMatch(r -> r.startsWith("WECHAT/"));
        HttpResponse<String> unknownChannel = Merchants.ops(Merchants.base(), "POST", "/ops/api/v1/reconciliations",
                JSON.createObjectNode().put("channel", "PAYPAL").put("bill_date", LocalDate.now(CHANNEL_DAY).toString()).toString());
        assertThat(unknownChannel.statusCode()).isEqualTo(400);
    }

    /**
     * A real payment the channel holds that no order of ours owns (our channel order row is deleted from the gateway's
     * database after the sandbox took the money: the bill lists it, we have nothing). The system pays the buyer back
     * through the channel by itself: {@code AUTO_REFUNDED}, the sandbox records the refund of the whole amount, and
     * the ledger has the pay-back entry {@code PAYBACK-<number>} (money off {@code CHANNEL_CLEARING}, out of
     * {@code ESCROW:PAYBACK}).
     */
    @Test
    void aPaymentAtTheChannelThatNoOrderOfOursOwnsIsPaidBackThroughTheChannelBySystem() throws Exception {
        Paid paid = paidBy(PayMethod.ALIPAY_QR, Buyers.funded(1).buyerId(), 1_717);
        LocalDate day = LocalDate.ofInstant(paid.order().finishedAt(), CHANNEL_DAY);
        forget(paid);

        JsonNode batch = reconcile("ALIPAY", day);

        JsonNode d = mine(batch.path("reconciliation_id").asLong(), Set.of(paid.no())).get("PAYMENT/CHANNEL_ONLY/" + paid.no());
        assertThat(d).as("the bill's line without an order of ours").isNotNull();
        assertThat(d.path("channel_amount").asLong()).isEqualTo(1_717);
        assertThat(d.path("status").asText()).as(d.toString()).isEqualTo("RESOLVED");
        assertThat(d.path("resolution").path("action").asText()).isEqualTo("AUTO_REFUNDED");
        assertThat(d.path("resolution").path("by").asText()).isEqualTo("SYSTEM");
        assertThat(d.path("resolution").path("posting_key").asText()).isEqualTo("PAYBACK-" + paid.no());
        assertPaidBack(paid, 1_717);
    }

    /**
     * The operator's {@code REFUND}: the same payment only at the channel, but the channel's refunds fail with a system
     * error while the system tries (nothing applied, the answer unknown), so the system's pay-back is under way and the
     * difference stays open; once the channel answers again, an operator's {@code REFUND} with a reason pays the buyer
     * back through the channel and resolves it, recorded with who and why.
     */
    @Test
    void anOperatorsRefundPaysBackAPaymentOnlyAtTheChannelThatTheSystemCouldNotPayBackYet() throws Exception {
        Paid paid = paidBy(PayMethod.ALIPAY_QR, Buyers.funded(1).buyerId(), 1_818);
        LocalDate day = LocalDate.ofInstant(paid.order().finishedAt(), CHANNEL_DAY);
        forget(paid);
        long id;
        try {
            refundsFail();
            id = reconcile("ALIPAY", day).path("reconciliation_id").asLong();
        } finally {
            SandboxControl.call("DELETE", "/sandbox/v1/faults", null);
        }
        JsonNode open = mine(id, Set.of(paid.no())).get("PAYMENT/CHANNEL_ONLY/" + paid.no());
        assertThat(open.path("status").asText()).as(open.toString()).isEqualTo("OPEN");
        assertThat(open.path("note").asText()).contains("CR" + paid.no()).contains("under way");
        assertThat(SandboxControl.call("GET", "/sandbox/v1/orders/ALIPAY/" + paid.no(), null).path("refunded_fen").asLong())
                .as("nothing refunded while the channel failed").isZero();

        String reason = "reconciliation IT: buyer paid at Alipay without an order";
        JsonNode resolved = ops("POST", "/ops/api/v1/reconciliations/differences/" + open.path("difference_id").asLong() + "/resolve",
                JSON.createObjectNode().put("action", "REFUND").put("reason", reason).toString(), 200);

        assertThat(resolved.path("status").asText()).as(resolved.toString()).isEqualTo("RESOLVED");
        assertThat(resolved.path("resolution").path("action").asText()).isEqualTo("REFUND");
        assertThat(resolved.path("resolution").path("by").asText()).startsWith("ops-token");
        assertThat(resolved.path("resolution").path("reason").asText()).isEqualTo(reason);
        assertThat(resolved.path("resolution").path("posting_key").asText()).isEqualTo("PAYBACK-" + paid.no());
        assertPaidBack(paid, 1_818);
        Breakers.awaitClosed(channels, ChannelCode.ALIPAY);
    }

    /**
     * A refund the channel's bill lists as done while ours is still processing ({@code STATUS_MISMATCH}): Alipay's
     * refunds fail with a system error (nothing applied, the answer unknown), so the merchant's refund stays
     * {@code PROCESSING}, and the bill gets a line for it. Reconciled while the channel still fails, the system follows
     * the refund up through the refund path, gets no definite answer and leaves the difference open — no money moved on
     * an unknown. Once Alipay answers again, trade-core's own follow-up finishes the refund (once, at the sandbox); the
     * bill without the injected line lists it, and a re-run finds ours and the bill agreeing: {@code SELF_HEALED}.
     */
    @Test
    void aRefundTheBillListsWhileOursIsProcessingStaysOpenUntilTheChannelAnswersAndThenHeals() throws Exception {
        Paid paid = paidBy(PayMethod.ALIPAY_QR, Buyers.funded(1).buyerId(), 1_919);
        LocalDate day = LocalDate.ofInstant(paid.order().finishedAt(), CHANNEL_DAY);
        RefundDTO refund;
        long id;
        try {
            refundsFail();
            refund = ok(refunds.refund(new CreateRefundCmd(merchant, paid.trade().tradeNo(), null, "RF-" + UUID.randomUUID(),
                    Money.cny(919), "reconciliation it: held processing")));
            assertThat(refund.status()).isEqualTo(RefundStatus.PROCESSING);
            billFault(day, "ADD_LINE", "REFUND", paid.no(), refund.refundNo(), 919L);
            id = reconcile("ALIPAY", day).path("reconciliation_id").asLong();
        } finally {
            SandboxControl.call("DELETE", "/sandbox/v1/faults", null);
        }
        refundsOf.put(refund.refundNo(), paid.no());
        JsonNode held = mine(id, Set.of(paid.no())).get("REFUND/STATUS_MISMATCH/" + paid.no());
        assertThat(held).as("the bill's refund line against our processing refund").isNotNull();
        assertThat(held.path("our_no").asText()).isEqualTo(refund.refundNo());
        assertThat(held.path("our_status").asText()).isNotEqualTo("SUCCESS");
        assertThat(held.path("channel_amount").asLong()).isEqualTo(919);
        assertThat(held.path("status").asText()).as("an unknown answer decides nothing: " + held).isEqualTo("OPEN");
        assertThat(held.path("note").asText()).contains(refund.refundNo());

        SandboxControl.call("DELETE", "/sandbox/v1/bill-faults", null);
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500))
                .until(() -> ok(refunds.get(new RefundByNoQry(refund.refundNo(), merchant))).status() == RefundStatus.SUCCESS);
        assertThat(SandboxControl.call("GET", "/sandbox/v1/orders/ALIPAY/" + paid.no(), null).path("refunded_fen").asLong())
                .as("refunded once").isEqualTo(919);
        // (a refund that finished after midnight is the next day's on both sides: this day's re-run heals it all the same)
        reconcile("ALIPAY", day);
        JsonNode healed = mine(id, Set.of(paid.no())).get("REFUND/STATUS_MISMATCH/" + paid.no());
        assertThat(healed.path("status").asText()).as(healed.toString()).isEqualTo("RESOLVED");
        assertThat(healed.path("resolution").path("action").asText()).isEqualTo("SELF_HEALED");
        assertThat(mine(id, Set.of(paid.no())).keySet()).as("nothing else about this payment").containsExactly(
                "REFUND/STATUS_MISMATCH/" + paid.no());
        Breakers.awaitClosed(channels, ChannelCode.ALIPAY);
    }

    /**
     * A whole day of many payments reconciled on the real suite: the sandbox's Alipay bill of a past day lists
     * {@code -Dpaysuite.it.recon.lines} payments (default 2 000 so the default run stays quick; the benchmark in
     * docs/benchmarks.md used 100 000), and the gateway's database holds the matching orders — seeded in bulk straight
     * into {@code paysuite_channel.channel_order} by this test (a hundred thousand payments through the suite would take
     * hours), as paid, finished that day. Among them three lines have no order of ours ({@code CHANNEL_ONLY}), three
     * orders another amount ({@code AMOUNT_MISMATCH}) and three orders no line ({@code PLATFORM_ONLY}). The run
     * through the ops API downloads, parses, matches, stores the batch and decides its differences; each is found
     * exactly once, the rest match, a re-run adds nothing. Its time and the database statements of the run are printed
     * (never asserted); the gateway logs the split (download, parse, read, match, store).
     */
    @Test
    void aBillOfManyLinesIsReconciledInFullAndEachDifferenceIsFoundOnce() throws Exception {
        int lines = Integer.getInteger("paysuite.it.recon.lines", 2_000);
        LocalDate day = LocalDate.of(2021, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(1_500));
        String prefix = "BK" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 35), 36).toUpperCase();
        long fen = 1_000;
        SandboxControl.call("POST", "/sandbox/v1/bill-faults", JSON.createObjectNode().put("channel", "ALIPAY")
                .put("bill_date", day.toString()).put("action", "ADD_LINES").put("kind", "PAYMENT").put("out_trade_no", prefix)
                .put("amount_fen", fen).put("count", lines).toString());
        DatabaseServer db = SuiteHarness.suite().infra().database();
        seedPaidOrders(db, day, prefix, lines, fen);

        long statementsBefore = questions(db);
        long start = System.nanoTime();
        JsonNode batch = ops("POST", "/ops/api/v1/reconciliations", JSON.createObjectNode().put("channel", "ALIPAY")
                .put("bill_date", day.toString()).toString(), 200);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long statements = questions(db) - statementsBefore;
        long rerunStart = System.nanoTime();
        JsonNode again = ops("POST", "/ops/api/v1/reconciliations", JSON.createObjectNode().put("channel", "ALIPAY")
                .put("bill_date", day.toString()).toString(), 200);
        long rerunMillis = (System.nanoTime() - rerunStart) / 1_000_000;
        System.out.printf("reconciliation of %d Alipay bill lines (%s): %d ms, %d statements on the suite's database server"
                + " (every service's, during the run); a re-run %d ms%n", lines, day, millis, statements, rerunMillis);

        assertThat(batch.path("bill_payments").asLong()).isEqualTo(lines);
        assertThat(batch.path("bill_gross").asLong()).isEqualTo(lines * fen);
        assertThat(batch.path("matched").asLong()).isEqualTo(lines - 6);
        Map<String, Long> types = new java.util.TreeMap<>();
        for (JsonNode d : ops("GET", "/ops/api/v1/reconciliations/" + batch.path("reconciliation_id").asLong() + "/differences", null,
                200)) {
            assertThat(d.path("our_no").isTextual() ? d.path("our_no").asText() : d.path("channel_no").asText()).startsWith(prefix);
            types.merge(d.path("kind").asText() + "/" + d.path("type").asText(), 1L, Long::sum);
        }
        assertThat(types).containsExactlyInAnyOrderEntriesOf(Map.of("PAYMENT/CHANNEL_ONLY", 3L, "PAYMENT/AMOUNT_MISMATCH", 3L,
                "PAYMENT/PLATFORM_ONLY", 3L));
        assertThat(again.path("reconciliation_id").asLong()).isEqualTo(batch.path("reconciliation_id").asLong());
        assertThat(again.path("last_run").path("added").asInt()).isZero();
        assertThat(again.path("matched").asLong()).isEqualTo(lines - 6);

        // clearing of the day, read back from the ledger: the whole bill off CHANNEL_CLEARING, less the channel's fee
        // (0.6% of 10.00 = 6 fen a line) into the bank, the fee booked as cost — one entry under the day's key
        String key = "CLEAR-ALIPAY-" + java.time.format.DateTimeFormatter.BASIC_ISO_DATE.format(day);
        assertThat(batch.path("clearing_posting_key").asText()).isEqualTo(key);
        assertThat(batch.path("bill_fee").asLong()).isEqualTo(lines * 6L);
        assertThat(clearingLines(key)).containsExactlyInAnyOrder(
                "CHANNEL_CLEARING:ALIPAY:CNY CREDIT " + lines * fen,
                "PLATFORM_BANK:PLATFORM:CNY DEBIT " + lines * (fen - 6),
                "CHANNEL_FEE_EXPENSE:ALIPAY:CNY DEBIT " + lines * 6L);
        assertThat(again.path("clearing_posting_key").asText()).as("the same bill clears nothing more").isEqualTo(key);
        assertThat(ok(ledger.trialBalance("CNY")).balanced()).isTrue();
    }

    /** The lines of the clearing entry under {@code key}, as {@code ACCOUNT SIDE amount}, checked balanced. */
    private List<String> clearingLines(String key) {
        JournalEntryDTO entry = ok(ledger.entryByKey(key));
        assertThat(entry.bizType()).isEqualTo("CHANNEL_CLEARING");
        long debits = entry.lines().stream().filter(l -> l.side() == AccountType.Side.DEBIT).mapToLong(PostingLine::amount).sum();
        long credits = entry.lines().stream().filter(l -> l.side() == AccountType.Side.CREDIT).mapToLong(PostingLine::amount).sum();
        assertThat(debits).as("balanced " + entry).isEqualTo(credits);
        return entry.lines().stream().map(l -> l.account().code() + " " + l.side() + " " + l.amount()).toList();
    }

    /**
     * The gateway's paid orders behind the generated lines, 1 000 rows per INSERT: lines 0–2 get none (channel only),
     * lines 3–5 one of another amount, and three more orders of the day have no line (platform only).
     */
    private static void seedPaidOrders(DatabaseServer db, LocalDate day, String prefix, int lines, long fen) throws Exception {
        String at = day + " 04:00:00.000"; // noon in the channel's day, stored in UTC as the gateway does
        List<String> rows = new ArrayList<>();
        for (int n = 3; n < lines; n++) {
            rows.add(orderRow(prefix + String.format("%07d", n), n < 6 ? fen + 1 : fen, at));
        }
        for (int n = 0; n < 3; n++) {
            rows.add(orderRow(prefix + "P" + String.format("%06d", n), fen, at));
        }
        try (Connection c = DriverManager.getConnection(db.jdbcUrl("paysuite_channel"), db.username(), db.password());
             Statement s = c.createStatement()) {
            for (int from = 0; from < rows.size(); from += 1_000) {
                s.executeUpdate("INSERT INTO channel_order (channel_order_no, pay_order_no, attempt, trade_no, merchant_id, channel, method,"
                        + " amount_minor, currency, subject, status, final_source, expires_at, created_at, updated_at, finished_at) VALUES "
                        + String.join(",", rows.subList(from, Math.min(rows.size(), from + 1_000))));
            }
        }
    }

    private static String orderRow(String no, long fen, String at) {
        return "('" + no + "','P" + no + "',0,'T" + no + "','M_RECON_BULK','ALIPAY','ALIPAY_QR'," + fen + ",'CNY','bulk reconciliation',"
                + "'SUCCESS','QUERY','" + at + "','" + at + "','" + at + "','" + at + "')";
    }

    /** Statements the database server has been sent, all databases and services together. */
    private static long questions(DatabaseServer db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl("paysuite_channel"), db.username(), db.password());
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
            return r.next() ? r.getLong(2) : 0;
        }
    }

    private record Paid(TradeDTO trade, ChannelOrderDTO order) {

        String no() {
            return order.channelOrderNo();
        }
    }

    private Paid paidByAlipay(String buyer, long amount) throws Exception {
        return paidBy(PayMethod.ALIPAY_QR, buyer, amount);
    }

    /** A trade paid by a QR method: the sandbox's buyer scans it and the trade succeeds. */
    private Paid paidBy(PayMethod method, String buyer, long amount) throws Exception {
        TradeDTO trade = newTrade(amount, method);
        PayOrderDTO started = ok(pay.pay(new PayCmd(trade.tradeNo(), buyer, method, null, "REQ-" + UUID.randomUUID())));
        ChannelOrderDTO order = ok(channels.get(started.payOrderNo()));
        SandboxControl.call("POST", "/sandbox/v1/scan", JSON.createObjectNode().put("code_url", order.codeUrl())
                .put("outcome", "SUCCESS").toString());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> ok(trades.get(TradeByNoQry.internal(trade.tradeNo()))).status() == TradeStatus.SUCCESS);
        return new Paid(trade, ok(channels.get(started.payOrderNo())));
    }

    /** @return the refund's number, which is also its number at the channel */
    private String refunded(Paid paid, long amount) {
        RefundDTO refund = ok(refunds.refund(new CreateRefundCmd(merchant, paid.trade().tradeNo(), null, "RF-" + UUID.randomUUID(),
                Money.cny(amount), "reconciliation it")));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> ok(refunds.get(new RefundByNoQry(refund.refundNo(), merchant))).status() == RefundStatus.SUCCESS);
        return refund.refundNo();
    }

    private TradeDTO newTrade(long amount) {
        return newTrade(amount, PayMethod.ALIPAY_QR);
    }

    private TradeDTO newTrade(long amount, PayMethod method) {
        return ok(trades.create(new CreateTradeCmd(merchant, "RECON-" + UUID.randomUUID().toString().substring(0, 20),
                TradeType.INSTANT, Money.cny(amount), "reconciliation it", null, MerchantSink.notifyUrl(), null, null,
                Instant.now().plus(Duration.ofMinutes(30)), List.of(method))));
    }

    /**
     * Makes a payment the channel holds one that no order of ours owns: its channel order row is deleted from the
     * gateway's database (the state after a lost insert, or a payment made at the channel outside the platform).
     */
    private static void forget(Paid paid) throws Exception {
        DatabaseServer db = SuiteHarness.suite().infra().database();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl("paysuite_channel"), db.username(), db.password());
             java.sql.PreparedStatement delete = c.prepareStatement("DELETE FROM channel_order WHERE channel_order_no = ?")) {
            delete.setString(1, paid.no());
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
    }

    /** Alipay answers every refund and refund query with its system error and applies nothing: the outcome is unknown. */
    private static void refundsFail() throws Exception {
        SandboxControl.call("POST", "/sandbox/v1/faults", JSON.createObjectNode().put("channel", "ALIPAY").put("operation", "refund")
                .put("mode", "ERROR").put("rate", 1.0).toString());
    }

    /** The buyer got the whole payment back at the channel, and the ledger booked the pay-back under its own key. */
    private void assertPaidBack(Paid paid, long amount) throws Exception {
        assertThat(SandboxControl.call("GET", "/sandbox/v1/orders/ALIPAY/" + paid.no(), null).path("refunded_fen").asLong())
                .as("refunded at the channel").isEqualTo(amount);
        JournalEntryDTO payBack = ok(ledger.entryByKey("PAYBACK-" + paid.no()));
        assertThat(payBack.lines()).extracting(l -> l.account().code() + " " + l.side() + " " + l.amount()).containsExactlyInAnyOrder(
                "CHANNEL_CLEARING:ALIPAY:CNY CREDIT " + amount, "ESCROW:PAYBACK:CNY DEBIT " + amount);
        assertThat(ok(ledger.trialBalance("CNY")).balanced()).isTrue();
    }

    private static JsonNode reconcile(String channel, LocalDate day) throws Exception {
        return ops("POST", "/ops/api/v1/reconciliations", JSON.createObjectNode().put("channel", channel)
                .put("bill_date", day.toString()).toString(), 200);
    }

    private static void billFault(LocalDate day, String action, String kind, String outTradeNo, String outRefundNo, Long amount)
            throws Exception {
        ObjectNode body = JSON.createObjectNode().put("channel", "ALIPAY").put("bill_date", day.toString()).put("action", action)
                .put("kind", kind).put("out_trade_no", outTradeNo);
        if (outRefundNo != null) {
            body.put("out_refund_no", outRefundNo);
        }
        if (amount != null) {
            body.put("amount_fen", amount);
        }
        SandboxControl.call("POST", "/sandbox/v1/bill-faults", body.toString());
    }

    /**
     * The batch's differences about these channel order numbers (a refund's by the order it refunds, or by its own
     * number for the stranger's refund), keyed {@code KIND/TYPE/number}.
     */
    private Map<String, JsonNode> mine(long id, Set<String> numbers) throws Exception {
        Map<String, JsonNode> mine = new java.util.TreeMap<>();
        for (JsonNode d : ops("GET", "/ops/api/v1/reconciliations/" + id + "/differences", null, 200)) {
            String number = d.path("our_no").isTextual() ? d.path("our_no").asText() : d.path("channel_no").asText();
            String about = d.path("kind").asText().equals("REFUND") ? refundsOf.getOrDefault(number, number) : number;
            if (numbers.contains(about)) {
                mine.put(d.path("kind").asText() + "/" + d.path("type").asText() + "/" + about, d);
            }
        }
        return mine;
    }

    private static JsonNode ops(String method, String path, String body, int expected) throws Exception {
        HttpResponse<String> answer = Merchants.ops(Merchants.base(), method, path, body);
        assertThat(answer.statusCode()).as(method + " " + path + " → " + answer.body()).isEqualTo(expected);
        return JSON.readTree(answer.body());
    }

    private static <T> T ok(Result<T> result) {
        assertThat(result.success()).as(result.code() + " " + result.message()).isTrue();
        return result.data();
    }
}
