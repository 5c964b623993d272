package io.paysuite.it.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.money.Money;
import io.paysuite.api.payout.PayoutCmd;
import io.paysuite.api.payout.PayoutDTO;
import io.paysuite.api.payout.PayoutPurpose;
import io.paysuite.api.payout.PayoutService;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.channel.SandboxControl;
import io.paysuite.it.openapi.Merchants;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Payouts through channel-gateway's {@code PayoutService} to the sandbox's Alipay transfers
 * ({@code ALIPAY_PAYOUT}), called directly as the test client {@code paysuite-it} (an allowed extra
 * caller of the guarded {@code payout}; in production only accounting-service may call it). The
 * sandbox's card suffixes choose the bank's answer: 9999 DEALING then paid, 8888 DEALING then
 * refused, 0000 a bad card; any other is paid at once.
 */
class PayoutIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The gateway's follow-up timers (5 s, 15 s, 30 s, …) and the sandbox bank's delay fit well inside. */
    private static final Duration FINISHED_WITHIN = Duration.ofSeconds(90);

    private static final AccountRef PLATFORM_BANK = new AccountRef(AccountType.PLATFORM_BANK, AccountRef.PLATFORM, "CNY");

    private final PayoutService payouts = SuiteHarness.reference(PayoutService.class, null);
    private final LedgerService ledger = SuiteHarness.reference(LedgerService.class, null);

    @AfterEach
    void clearFaults() throws Exception {
        SandboxControl.call("DELETE", "/sandbox/v1/faults", null);
    }

    @Test
    void aPayoutWhoseAnswersTimeOutAndIsAskedAgainPaysOutExactlyOnce() throws Exception {
        PayoutCmd cmd = cmd("6222020200001234", 12_345);
        fault("payout", "TIMEOUT");

        PayoutDTO first = ok(payouts.payout(cmd));
        assertThat(first.status()).as("a timeout is unknown, never failed").isEqualTo(PayoutStatus.PROCESSING);
        SandboxControl.call("DELETE", "/sandbox/v1/faults", null);
        PayoutDTO again = ok(payouts.payout(cmd));
        assertThat(again.status()).isNotEqualTo(PayoutStatus.FAILED);

        await().atMost(FINISHED_WITHIN).until(() -> ok(payouts.get(cmd.payoutNo())).status() == PayoutStatus.SUCCESS);
        assertThat(transfersOf(cmd.payoutNo())).as("one transfer at the channel").hasSize(1)
                .first().satisfies(t -> {
                    assertThat(t.get("amount_fen").asLong()).isEqualTo(12_345);
                    assertThat(t.get("status").asText()).isEqualTo("SUCCESS");
                });
        PayoutDTO paid = ok(payouts.get(cmd.payoutNo()));
        assertThat(paid.bankAccount()).isEqualTo("****1234");
        assertThat(paid.channelPayoutNo()).isNotBlank();
    }

    @Test
    void queriesThatTimeOutLeaveThePayoutProcessingUntilAnAnswerComes() throws Exception {
        PayoutCmd cmd = cmd("6222020200009999", 500);
        fault("query", "TIMEOUT");

        assertThat(ok(payouts.payout(cmd)).status()).isEqualTo(PayoutStatus.PROCESSING);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SUCCESS".equals(transfersOf(cmd.payoutNo()).get(0).get("status").asText()));
        assertThat(ok(payouts.get(cmd.payoutNo())).status()).as("the bank paid, but nobody could ask").isEqualTo(PayoutStatus.PROCESSING);

        SandboxControl.call("DELETE", "/sandbox/v1/faults", null);
        await().atMost(FINISHED_WITHIN).until(() -> ok(payouts.get(cmd.payoutNo())).status() == PayoutStatus.SUCCESS);
        assertThat(transfersOf(cmd.payoutNo())).hasSize(1);
    }

    @Test
    void aDealingPayoutIsFinishedByTheFollowUp() throws Exception {
        PayoutCmd cmd = cmd("6222020200009999", 2_000);

        assertThat(ok(payouts.payout(cmd)).status()).isEqualTo(PayoutStatus.PROCESSING);

        await().atMost(FINISHED_WITHIN).until(() -> ok(payouts.get(cmd.payoutNo())).status() == PayoutStatus.SUCCESS);
        assertThat(ok(payouts.get(cmd.payoutNo())).finishedAt()).isNotNull();
    }

    @Test
    void aRefusedPayoutIsFailedWithTheChannelsReason() throws Exception {
        PayoutCmd badCard = cmd("6222020200000000", 1_000);
        PayoutDTO refused = ok(payouts.payout(badCard));
        assertThat(refused.status()).isEqualTo(PayoutStatus.FAILED);
        assertThat(refused.failureCode()).isEqualTo("PAYEE_CARD_INFO_ERROR");

        PayoutCmd bankRefuses = cmd("6222020200008888", 1_000);
        assertThat(ok(payouts.payout(bankRefuses)).status()).isEqualTo(PayoutStatus.PROCESSING);
        await().atMost(FINISHED_WITHIN).until(() -> ok(payouts.get(bankRefuses.payoutNo())).status() == PayoutStatus.FAILED);
        assertThat(ok(payouts.get(bankRefuses.payoutNo())).failureCode()).isEqualTo("PAYEE_ACCOUNT_NOT_EXSIT");
    }

    @Test
    void concurrentDuplicateCallsCreateOneTransfer() throws Exception {
        PayoutCmd cmd = cmd("6222020200001234", 777);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Result<PayoutDTO>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                return payouts.payout(cmd);
            }));
        }
        start.countDown();
        for (Future<Result<PayoutDTO>> call : calls) {
            assertThat(ok(call.get()).payoutNo()).isEqualTo(cmd.payoutNo());
        }
        pool.shutdown();

        await().atMost(FINISHED_WITHIN).until(() -> ok(payouts.get(cmd.payoutNo())).status() == PayoutStatus.SUCCESS);
        List<JsonNode> transfers = transfersOf(cmd.payoutNo());
        assertThat(transfers).hasSize(1);
        assertThat(transfers.get(0).get("requests").asInt()).as("only the first call sent it").isEqualTo(1);
    }

    @Test
    void theSameNumberWithOtherContentIsRefusedAndOperatorsSeeThePayoutMasked() throws Exception {
        PayoutCmd cmd = cmd("6222020200001234", 4_200);
        assertThat(ok(payouts.payout(cmd)).status()).isEqualTo(PayoutStatus.SUCCESS);

        Result<PayoutDTO> other = payouts.payout(new PayoutCmd(cmd.payoutNo(), cmd.purpose(), cmd.ownerId(), Money.cny(4_201),
                cmd.bankAccountNo(), cmd.accountName(), cmd.remark()));
        assertThat(other.code()).isEqualTo("PARAM_ERROR");
        assertThat(payouts.get("PO_NEVER_" + UUID.randomUUID().toString().substring(0, 8)).code()).isEqualTo("PAYOUT_NOT_FOUND");

        HttpResponse<String> listed = Merchants.ops(Merchants.base(), "GET", "/ops/api/v1/payouts?status=SUCCESS&owner_id="
                + cmd.ownerId(), null);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        JsonNode row = StreamSupport.stream(JSON.readTree(listed.body()).get("data").spliterator(), false)
                .filter(p -> cmd.payoutNo().equals(p.get("payout_no").asText())).findFirst().orElseThrow();
        assertThat(row.get("bank_account").asText()).isEqualTo("****1234");
        assertThat(row.get("amount").get("total").asLong()).isEqualTo(4_200);
        assertThat(listed.body()).doesNotContain("6222020200001234");
    }

    /**
     * Payout bill reconciliation through the ops API. One payout is still {@code PROCESSING} here while the sandbox's bank
     * has paid it (card 6666 finished by the control API; every query fails, so no follow-up can learn it): the bill's
     * transfer line finishes it through the payout's settle path. Another payout's amount is changed in the bill: an
     * operator accepts it with a reason. A re-run is the same batch and adds nothing.
     */
    @Test
    void thePayoutBillFinishesAPayoutNobodyCouldAskAboutAndARerunFindsNothingNew() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        PayoutCmd held = cmd("6222020200006666", 3_300);
        PayoutCmd paid = cmd("6222020200001234", 1_200);
        fault("query", "ERROR");
        try {
            assertThat(ok(payouts.payout(held)).status()).isEqualTo(PayoutStatus.PROCESSING);
            assertThat(ok(payouts.payout(paid)).status()).isEqualTo(PayoutStatus.SUCCESS);
            SandboxControl.call("POST", "/sandbox/v1/payouts/" + held.payoutNo() + "/finish", "{\"status\":\"SUCCESS\"}");
            SandboxControl.call("POST", "/sandbox/v1/bill-faults", JSON.createObjectNode().put("channel", "ALIPAY_PAYOUT")
                    .put("bill_date", today.toString()).put("action", "CHANGE_AMOUNT").put("kind", "PAYMENT")
                    .put("out_trade_no", paid.payoutNo()).put("amount_fen", 1_201).toString());

            JsonNode batch = opsJson("POST", "/ops/api/v1/reconciliations", JSON.createObjectNode().put("kind", "PAYOUT")
                    .put("bill_date", today.toString()).toString());
            assertThat(batch.path("kind").asText()).isEqualTo("PAYOUT");
            long id = batch.path("reconciliation_id").asLong();

            JsonNode settled = differenceOf(id, held.payoutNo());
            assertThat(settled.path("type").asText()).isEqualTo("STATUS_MISMATCH");
            assertThat(settled.path("kind").asText()).isEqualTo("PAYOUT");
            assertThat(settled.path("status").asText()).as(settled.toString()).isEqualTo("RESOLVED");
            assertThat(settled.path("resolution").path("action").asText()).isEqualTo("AUTO_SETTLED");
            assertThat(ok(payouts.get(held.payoutNo())).status()).as("finished through the payout's own path")
                    .isEqualTo(PayoutStatus.SUCCESS);

            JsonNode amount = differenceOf(id, paid.payoutNo());
            assertThat(amount.path("type").asText()).isEqualTo("AMOUNT_MISMATCH");
            assertThat(amount.path("status").asText()).isEqualTo("ESCALATED");
            JsonNode accepted = opsJson("POST", "/ops/api/v1/reconciliations/differences/" + amount.path("difference_id").asLong()
                    + "/resolve", JSON.createObjectNode().put("action", "ACCEPT").put("reason", "payout IT: the bank's statement says 12.00")
                    .toString());
            assertThat(accepted.path("status").asText()).isEqualTo("RESOLVED");
            assertThat(accepted.path("resolution").path("by").asText()).startsWith("ops-token");

            JsonNode again = opsJson("POST", "/ops/api/v1/reconciliations", JSON.createObjectNode().put("kind", "PAYOUT")
                    .put("bill_date", today.toString()).toString());
            assertThat(again.path("reconciliation_id").asLong()).isEqualTo(id);
            assertThat(again.path("last_run").path("added").asInt()).as("a re-run finds nothing new").isZero();
            assertThat(differenceOf(id, held.payoutNo()).path("status").asText()).isEqualTo("RESOLVED");
            assertThat(differenceOf(id, paid.payoutNo()).path("status").asText()).isEqualTo("RESOLVED");
        } finally {
            SandboxControl.call("DELETE", "/sandbox/v1/bill-faults", null);
        }
    }

    /**
     * A payout difference end to end, through the ops API. Three withdrawals of one buyer (a wallet never goes below
     * zero; a merchant's available balance may, so only a wallet can refuse), then the bank's bill of the day
     * contradicts each: a payout we hold paid comes back (a return line: {@code STATUS_MISMATCH}), a payout the card
     * refused at once shows as paid ({@code STATUS_MISMATCH} the other way), a paid payout's amount differs
     * ({@code AMOUNT_MISMATCH}). The reconciliation escalates all three (final records of ours are never overturned by
     * the system). An operator's {@code ACCEPT} of the refused-but-paid payout takes its money back from the owner's
     * wallet, which holds nothing yet: {@code 409 INSUFFICIENT_BALANCE}, nothing posted, the difference still open.
     * {@code ACCEPT} of the returned payout gives its money back to the owner ({@code PLATFORM_BANK} →
     * {@code BUYER_WALLET}); then the first {@code ACCEPT} goes through against it; {@code ADJUST} books the
     * amount difference against {@code RECONCILIATION_SUSPENSE}. Each entry is under {@code RECON-<action>-<id>}; the
     * trial balance balances; a re-run is the same batch with nothing new, nothing re-posted, the balance unchanged.
     */
    @Test
    void payoutDifferencesAreResolvedAgainstTheOwnersBalanceOrSuspenseAndARerunChangesNothing() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String owner = "B_PAYOUT_DIFF_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        PayoutCmd returned = withdrawal(owner, "6222020200001234", 2_500);
        PayoutCmd refusedButPaid = withdrawal(owner, "6222020200000000", 1_000);
        PayoutCmd reAmounted = withdrawal(owner, "6222020200001234", 1_700);
        assertThat(ok(payouts.payout(returned)).status()).isEqualTo(PayoutStatus.SUCCESS);
        assertThat(ok(payouts.payout(refusedButPaid)).status()).isEqualTo(PayoutStatus.FAILED);
        assertThat(ok(payouts.payout(reAmounted)).status()).isEqualTo(PayoutStatus.SUCCESS);
        AccountRef wallet = new AccountRef(AccountType.BUYER_WALLET, owner, "CNY");
        try {
            payoutBillFault(today, "ADD_LINE", "REFUND", returned.payoutNo(), 2_500);
            payoutBillFault(today, "ADD_LINE", "PAYMENT", refusedButPaid.payoutNo(), 1_000);
            payoutBillFault(today, "CHANGE_AMOUNT", "PAYMENT", reAmounted.payoutNo(), 1_650);

            long id = opsJson("POST", "/ops/api/v1/reconciliations", JSON.createObjectNode().put("kind", "PAYOUT")
                    .put("bill_date", today.toString()).toString()).path("reconciliation_id").asLong();
            JsonNode back = differenceOf(id, returned.payoutNo());
            JsonNode paidAfterAll = differenceOf(id, refusedButPaid.payoutNo());
            JsonNode amount = differenceOf(id, reAmounted.payoutNo());
            assertThat(List.of(back.path("type").asText(), paidAfterAll.path("type").asText(), amount.path("type").asText()))
                    .containsExactly("STATUS_MISMATCH", "STATUS_MISMATCH", "AMOUNT_MISMATCH");
            assertThat(List.of(back, paidAfterAll, amount)).as("final payouts are the operators' to correct")
                    .allSatisfy(d -> assertThat(d.path("status").asText()).as(d.toString()).isEqualTo("ESCALATED"));
            assertThat(amount.path("channel_amount").asLong()).isEqualTo(1_650);

            // taking 10.00 back from an owner whose balance holds nothing is refused, and nothing is posted
            long paidAfterAllId = paidAfterAll.path("difference_id").asLong();
            HttpResponse<String> refused = Merchants.ops(Merchants.base(), "POST", "/ops/api/v1/reconciliations/differences/"
                    + paidAfterAllId + "/resolve", resolution("ACCEPT", "the bank paid the card after all"));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(JSON.readTree(refused.body()).path("code").asText()).isEqualTo("INSUFFICIENT_BALANCE");
            assertThat(differenceOf(id, refusedButPaid.payoutNo()).path("status").asText()).isEqualTo("ESCALATED");
            assertThat(ledger.entryByKey("RECON-ACCEPT-" + paidAfterAllId).success()).isFalse();

            // the bank's return gives the 25.00 back to the owner
            JsonNode accepted = resolve(back, "ACCEPT", "the bank returned the transfer");
            assertThat(accepted.path("resolution").path("posting_key").asText()).isEqualTo("RECON-ACCEPT-" + back.path("difference_id").asLong());
            assertThat(linesOf("RECON-ACCEPT-" + back.path("difference_id").asLong())).containsExactlyInAnyOrder(
                    "D " + PLATFORM_BANK.code() + " 2500", "C " + wallet.code() + " 2500");
            assertThat(ok(ledger.balance(wallet)).balance()).isEqualTo(2_500);

            // now the balance covers the 10.00 the bank paid out after all
            JsonNode taken = resolve(paidAfterAll, "ACCEPT", "the bank paid the card after all");
            assertThat(taken.path("resolution").path("posting_key").asText()).isEqualTo("RECON-ACCEPT-" + paidAfterAllId);
            assertThat(linesOf("RECON-ACCEPT-" + paidAfterAllId)).containsExactlyInAnyOrder(
                    "D " + wallet.code() + " 1000", "C " + PLATFORM_BANK.code() + " 1000");
            assertThat(ok(ledger.balance(wallet)).balance()).isEqualTo(1_500);

            // 0.50 less left the bank than we booked: into suspense until its cause is known
            JsonNode adjusted = resolve(amount, "ADJUST", "the bank's statement says 16.50");
            String adjustKey = "RECON-ADJUST-" + amount.path("difference_id").asLong();
            assertThat(adjusted.path("resolution").path("posting_key").asText()).isEqualTo(adjustKey);
            assertThat(linesOf(adjustKey)).containsExactlyInAnyOrder("D " + PLATFORM_BANK.code() + " 50",
                    "C " + new AccountRef(AccountType.RECONCILIATION_SUSPENSE, AccountRef.PLATFORM, "CNY").code() + " 50");
            assertThat(ok(ledger.trialBalance("CNY")).balanced()).isTrue();

            List<String> entries = new ArrayList<>();
            for (JsonNode d : List.of(back, paidAfterAll, amount)) {
                entries.add(ok(ledger.entryByKey(differenceOf(id, d.path("our_no").asText()).path("resolution").path("posting_key")
                        .asText())).entryNo());
            }
            JsonNode again = opsJson("POST", "/ops/api/v1/reconciliations", JSON.createObjectNode().put("kind", "PAYOUT")
                    .put("bill_date", today.toString()).toString());
            assertThat(again.path("reconciliation_id").asLong()).isEqualTo(id);
            assertThat(again.path("last_run").path("added").asInt()).as("a re-run finds nothing new").isZero();
            List<String> after = new ArrayList<>();
            for (JsonNode d : List.of(back, paidAfterAll, amount)) {
                JsonNode now = differenceOf(id, d.path("our_no").asText());
                assertThat(now.path("status").asText()).isEqualTo("RESOLVED");
                after.add(ok(ledger.entryByKey(now.path("resolution").path("posting_key").asText())).entryNo());
            }
            assertThat(after).as("nothing re-posted").isEqualTo(entries);
            assertThat(ok(ledger.balance(wallet)).balance()).isEqualTo(1_500);
            assertThat(ok(ledger.trialBalance("CNY")).balanced()).isTrue();
        } finally {
            SandboxControl.call("DELETE", "/sandbox/v1/bill-faults", null);
        }
    }

    private static String resolution(String action, String reason) {
        return JSON.createObjectNode().put("action", action).put("reason", "payout IT: " + reason).toString();
    }

    private static JsonNode resolve(JsonNode difference, String action, String reason) throws Exception {
        JsonNode resolved = opsJson("POST", "/ops/api/v1/reconciliations/differences/" + difference.path("difference_id").asLong()
                + "/resolve", resolution(action, reason));
        assertThat(resolved.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.path("resolution").path("action").asText()).isEqualTo(action);
        return resolved;
    }

    /** The entry's lines under this key as {@code "D|C <account> <amount>"}. */
    private List<String> linesOf(String postingKey) {
        return ok(ledger.entryByKey(postingKey)).lines().stream()
                .map(l -> (l.side() == AccountType.Side.DEBIT ? "D " : "C ") + l.account().code() + " " + l.amount()).toList();
    }

    private static void payoutBillFault(LocalDate day, String action, String kind, String payoutNo, long fen) throws Exception {
        SandboxControl.call("POST", "/sandbox/v1/bill-faults", JSON.createObjectNode().put("channel", "ALIPAY_PAYOUT")
                .put("bill_date", day.toString()).put("action", action).put("kind", kind).put("out_trade_no", payoutNo)
                .put("amount_fen", fen).toString());
    }

    private static JsonNode opsJson(String method, String path, String body) throws Exception {
        HttpResponse<String> answer = Merchants.ops(Merchants.base(), method, path, body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** The batch's one difference about this payout number. */
    private static JsonNode differenceOf(long batchId, String payoutNo) throws Exception {
        JsonNode all = opsJson("GET", "/ops/api/v1/reconciliations/" + batchId + "/differences", null);
        List<JsonNode> mine = StreamSupport.stream(all.spliterator(), false)
                .filter(d -> payoutNo.equals(d.path("our_no").asText()) || payoutNo.equals(d.path("channel_no").asText())).toList();
        assertThat(mine).as(all.toString()).hasSize(1);
        return mine.get(0);
    }

    private static PayoutCmd cmd(String card, long fen) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        return new PayoutCmd("PO" + suffix, PayoutPurpose.SETTLEMENT, "M_PAYOUT_IT_" + suffix.substring(0, 6), Money.cny(fen), card,
                "Payout IT Shop", "payout it");
    }

    /** A buyer's wallet withdrawal to a card, sent straight to the gateway (accounting knows nothing of it). */
    private static PayoutCmd withdrawal(String buyer, String card, long fen) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        return new PayoutCmd("PO" + suffix, PayoutPurpose.WITHDRAWAL, buyer, Money.cny(fen), card, "Payout IT Buyer", "payout it");
    }

    private static <T> T ok(Result<T> result) {
        assertThat(result.success()).as(result.code() + " " + result.message()).isTrue();
        return result.data();
    }

    /** Every transfer the sandbox's Alipay holds under this out_biz_no. */
    private static List<JsonNode> transfersOf(String payoutNo) throws Exception {
        JsonNode all = SandboxControl.call("GET", "/sandbox/v1/orders/ALIPAY_PAYOUT", null);
        return StreamSupport.stream(all.spliterator(), false).filter(t -> payoutNo.equals(t.get("out_trade_no").asText())).toList();
    }

    /** Every call of the operation misbehaves; 4 s is past the gateway's Alipay read timeout (3 s). */
    private static void fault(String operation, String mode) throws Exception {
        SandboxControl.call("POST", "/sandbox/v1/faults", JSON.createObjectNode().put("channel", "ALIPAY_PAYOUT")
                .put("operation", operation).put("mode", mode).put("rate", 1.0).put("millis", 4_000).toString());
    }
}
