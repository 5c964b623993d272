package io.paysuite.it.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.AccountBalanceDTO;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.MerchantStatementQry;
import io.paysuite.api.ledger.StatementLineDTO;
import io.paysuite.api.money.Money;
import io.paysuite.api.refund.RefundByOutRefundNoQry;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundService;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.api.trade.TradeByOutTradeNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.deploy.launcher.DemoSeed;
import io.paysuite.deploy.launcher.Suite;
import io.paysuite.it.MerchantSink;
import io.paysuite.it.SuiteHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The example internal consumer ({@code deploy/example-consumer}) run by the README's command,
 * {@code bin/example-consumer} — its own JVM from its executable jar, its own Dubbo application
 * {@code example-consumer} — against this suite's registry and the local run's demo data (seeded here
 * as the local run seeds it). A child process rather than in this JVM: this JVM
 * already runs the tests' Dubbo application ({@code paysuite-it}), and the example must prove it
 * needs nothing of theirs, not even their place on the internal callers' list.
 *
 * <p>What the walkthrough did is then checked through the services, not through what it printed:
 * the trade paid, the partial refund final, the merchant's statement lines, the buyer's wallet.
 */
class ExampleConsumerIT {

    private static final long AMOUNT = 1280;
    private static final long REFUND = 480;
    /** The third demo buyer: the other ITs that use the demo data pay as the first. */
    private static final String BUYER_PHONE = "13800000003";

    private final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    private final RefundService refunds = SuiteHarness.reference(RefundService.class, null);
    private final LedgerService ledger = SuiteHarness.reference(LedgerService.class, null);

    @Test
    void theExampleConsumerPaysATradeFromADemoWalletRefundsPartOfItAndReadsTheStatement() throws Exception {
        Suite suite = SuiteHarness.suite();
        Path work = suite.config().workDir();
        DemoSeed.seed(suite, work);
        ObjectMapper json = new ObjectMapper();
        String merchantId = json.readTree(work.resolve("demo-merchant.json").toFile()).path("merchant_id").asText();
        AccountRef wallet = new AccountRef(AccountType.BUYER_WALLET, buyerId(json, work), "CNY");
        long walletBefore = balance(wallet);
        String outTradeNo = "example-it-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);

        // the README's command, from where the run was started, with this suite's registry instead of the local run's
        Path printedTo = work.resolve("logs").resolve("example-consumer-" + outTradeNo + ".log");
        Files.createDirectories(printedTo.getParent());
        ProcessBuilder command = new ProcessBuilder("bash", suite.config().home().resolve("bin/example-consumer").toString(),
                "--dubbo.registry.address=" + suite.infra().registryAddress(),
                "--paysuite.example.buyer-phone=" + BUYER_PHONE,
                "--paysuite.example.out-trade-no=" + outTradeNo,
                "--paysuite.example.amount=" + AMOUNT,
                "--paysuite.example.refund=" + REFUND,
                "--paysuite.example.notify-url=" + MerchantSink.notifyUrl())
                .directory(work.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(printedTo.toFile());
        command.environment().put("PAYSUITE_DIR", work.toString());
        command.environment().put("JAVA_OPTS", "-Xms64m -Xmx256m -XX:+UseSerialGC");
        command.environment().put("JAVA_HOME", System.getProperty("java.home")); // this JVM's java, as the suite's processes
        Process example = command.start();
        boolean exited = example.waitFor(3, TimeUnit.MINUTES);
        if (!exited) {
            example.destroyForcibly();
        }
        String printed = Files.readString(printedTo);
        assertThat(exited).as(printed).isTrue();
        int exit = example.exitValue();

        assertThat(exit).as(printed).isZero();
        TradeDTO trade = trades.getByOutTradeNo(new TradeByOutTradeNoQry(merchantId, outTradeNo)).data();
        assertThat(trade).as(printed).isNotNull();
        assertThat(trade.status()).isEqualTo(TradeStatus.SUCCESS);
        assertThat(trade.paidAmount()).isEqualTo(Money.cny(AMOUNT));
        assertThat(trade.refundedAmount()).isEqualTo(Money.cny(REFUND));
        // the walkthrough's refund number is its out_trade_no + "-r1" (deploy/example-consumer/README.md)
        Result<RefundDTO> refund = refunds.getByOutRefundNo(new RefundByOutRefundNoQry(merchantId, outTradeNo + "-r1"));
        assertThat(refund.success()).as(refund.code() + " " + refund.message()).isTrue();
        assertThat(refund.data().status()).isEqualTo(RefundStatus.SUCCESS);
        assertThat(refund.data().amount()).isEqualTo(Money.cny(REFUND));
        assertThat(refund.data().tradeNo()).isEqualTo(trade.tradeNo());

        List<StatementLineDTO> statement = ledger.merchantStatement(new MerchantStatementQry(merchantId, "CNY",
                trade.createdAt().minus(Duration.ofMinutes(1)), Instant.now().plus(Duration.ofMinutes(1)))).data();
        List<StatementLineDTO> ofTrade = statement.stream().filter(line -> trade.tradeNo().equals(line.bizNo())).toList();
        assertThat(ofTrade).extracting(StatementLineDTO::bizType, StatementLineDTO::gross)
                .containsExactlyInAnyOrder(tuple("PAYMENT", AMOUNT), tuple("REFUND", -REFUND));
        assertThat(ofTrade).allSatisfy(line -> assertThat(line.gross()).isEqualTo(line.fee() + line.net() + line.held()));

        assertThat(walletBefore - balance(wallet)).isEqualTo(AMOUNT - REFUND);
        assertThat(printed).contains("1. log the buyer in", "7. read the merchant's ledger statement",
                "done: trade " + trade.tradeNo() + " SUCCESS");
        for (StatementLineDTO line : ofTrade) {
            assertThat(printed).contains(line.entryNo());
        }
    }

    private static String buyerId(ObjectMapper json, Path work) throws Exception {
        for (JsonNode buyer : json.readTree(work.resolve("demo-buyers.json").toFile())) {
            if (BUYER_PHONE.equals(buyer.path("phone").asText())) {
                return buyer.path("buyer_id").asText();
            }
        }
        throw new AssertionError("no demo buyer " + BUYER_PHONE);
    }

    private long balance(AccountRef account) {
        Result<AccountBalanceDTO> balance = ledger.balance(account);
        assertThat(balance.success()).as(balance.code() + " " + balance.message()).isTrue();
        return balance.data().balance();
    }
}
