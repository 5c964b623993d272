package io.paysuite.it.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.PostingCmd;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.money.Money;
import io.paysuite.api.refund.CreateRefundCmd;
import io.paysuite.api.refund.RefundByNoQry;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundService;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.api.trade.ConfirmTradeCmd;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.deploy.launcher.ServiceId;
import io.paysuite.it.MerchantSink;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.openapi.Buyers;
import io.paysuite.it.openapi.Merchants;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Internal reconciliation against the real suite: trades paid, refunded and released through the
 * services agree everywhere and raise nothing; a journal entry that is none of its trade's own
 * postings — posted for real, through the ledger, under a real trade's number — is listed by
 * {@code GET /ops/api/v1/crosscheck/findings?status=OPEN} and counted by accounting-service's
 * {@code paysuite_crosscheck_disagreements_total} within a minute.
 *
 * <p>The clean trades are paid before the trade with the stray entry, and the checks run oldest news
 * first: once the stray entry's finding is listed, the clean trades have been checked too (twice, for
 * anything a first look disagreed with), so "no finding for them" is a result, not a race.
 */
class InternalReconciliationIT {

    private static final String OPS_FINDINGS = "/ops/api/v1/crosscheck/findings";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    private final RefundService refunds = SuiteHarness.reference(RefundService.class, null);
    private final LedgerService ledger = SuiteHarness.reference(LedgerService.class, null);
    private final String merchant = "M_XCHECK_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();

    @Test
    void paidRefundedAndReleasedTradesAgreeWhileAStrayEntryUnderATradeIsFoundWithinAMinute() throws Exception {
        List<String> clean = new ArrayList<>();
        TradeDTO refunded = paid(TradeType.INSTANT, 2_000);
        RefundDTO refund = ok(refunds.refund(new CreateRefundCmd(merchant, refunded.tradeNo(), null, "XR-" + UUID.randomUUID(),
                Money.cny(700), "crosscheck it")));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> refunds.get(new RefundByNoQry(refund.refundNo(), merchant)).data().status()
                        == RefundStatus.SUCCESS);
        clean.add(refunded.tradeNo());
        TradeDTO released = paid(TradeType.GUARANTEE, 1_500);
        ok(trades.confirm(new ConfirmTradeCmd(released.tradeNo(), merchant)));
        awaitStatus(released.tradeNo(), TradeStatus.FINISHED);
        clean.add(released.tradeNo());
        double before = disagreements("UNEXPECTED_ENTRY");

        // the stray entry first, then the payment: the payment's events bring the trade to its check
        TradeDTO strayed = created(TradeType.INSTANT, 1_000);
        String buyer = Buyers.funded(1).buyerId();
        ok(ledger.post(new PostingCmd("IT-XCHECK-STRAY-" + UUID.randomUUID(), "ADJUSTMENT", strayed.tradeNo(), "CNY", List.of(
                new PostingLine(new AccountRef(AccountType.PLATFORM_FUNDING, AccountRef.PLATFORM, "CNY"), AccountType.Side.DEBIT, 1),
                new PostingLine(Buyers.wallet(buyer), AccountType.Side.CREDIT, 1)), "crosscheck it: not one of the trade's postings")));
        payAndAwait(strayed, 1_000);

        JsonNode finding = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> openFindingOf(strayed.tradeNo()), f -> f != null);
        assertThat(finding.path("kind").asText()).isEqualTo("UNEXPECTED_ENTRY");
        assertThat(finding.path("status").asText()).isEqualTo("OPEN");
        assertThat(finding.path("sides").asText()).contains("ADJUSTMENT").contains("trade: SUCCESS");
        assertThat(finding.path("first_seen").asText()).isNotBlank();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> disagreements("UNEXPECTED_ENTRY") >= before + 1);
        assertThat(openFindings()).as("a second look found nothing on the clean trades")
                .noneMatch(f -> clean.contains(f.path("trade_no").asText()));
        assertThat(openGauge()).isPositive();
    }

    private TradeDTO created(TradeType type, long minor) {
        return ok(trades.create(new CreateTradeCmd(merchant, "XC-" + UUID.randomUUID().toString().substring(0, 20), type,
                Money.cny(minor), "crosscheck it", null, MerchantSink.notifyUrl(), null, null, Instant.now().plus(Duration.ofMinutes(30)))));
    }

    private TradeDTO paid(TradeType type, long minor) {
        TradeDTO trade = created(type, minor);
        payAndAwait(trade, minor);
        return trade;
    }

    private void payAndAwait(TradeDTO trade, long minor) {
        String buyer = Buyers.funded(minor).buyerId();
        ok(Buyers.pay(trade.tradeNo(), buyer));
        awaitStatus(trade.tradeNo(), TradeStatus.SUCCESS);
    }

    private void awaitStatus(String tradeNo, TradeStatus status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> ok(trades.get(TradeByNoQry.internal(tradeNo))).status() == status);
    }

    private static List<JsonNode> openFindings() throws Exception {
        HttpResponse<String> response = Merchants.ops(Merchants.base(), "GET", OPS_FINDINGS + "?status=OPEN&limit=500", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        JSON.readTree(response.body()).path("data").forEach(found::add);
        return found;
    }

    private static JsonNode openFindingOf(String tradeNo) throws Exception {
        return openFindings().stream().filter(f -> tradeNo.equals(f.path("trade_no").asText())).findFirst().orElse(null);
    }

    private static String accountingMetrics() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(SuiteHarness.suite().service(ServiceId.ACCOUNTING_SERVICE).baseUri()
                .resolve("/actuator/prometheus")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** accounting-service's count of disagreements of this kind; 0 before the first. */
    private static double disagreements(String kind) throws Exception {
        Matcher m = Pattern.compile("^paysuite_crosscheck_disagreements_total\\{[^}]*kind=\"" + kind + "\"[^}]*} (\\S+)$",
                Pattern.MULTILINE).matcher(accountingMetrics());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static double openGauge() throws Exception {
        Matcher m = Pattern.compile("^paysuite_crosscheck_open_findings(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE)
                .matcher(accountingMetrics());
        assertThat(m.find()).as("the open findings gauge").isTrue();
        return Double.parseDouble(m.group(2));
    }

    private static <T> T ok(Result<T> result) {
        assertThat(result.success()).as(result.code() + " " + result.message()).isTrue();
        return result.data();
    }
}
