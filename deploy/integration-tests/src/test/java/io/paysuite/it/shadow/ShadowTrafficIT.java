package io.paysuite.it.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.AccountBalanceDTO;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.member.MerchantDTO;
import io.paysuite.api.member.MerchantService;
import io.paysuite.api.member.OnboardMerchantCmd;
import io.paysuite.deploy.infra.DatabaseServer;
import io.paysuite.deploy.launcher.DemoSeed;
import io.paysuite.deploy.launcher.ServiceId;
import io.paysuite.deploy.launcher.Suite;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.channel.Breakers;
import io.paysuite.it.openapi.MerchantClient;
import io.paysuite.it.openapi.MerchantClient.Answer;
import io.paysuite.it.openapi.Merchants;
import io.paysuite.kit.shadow.ShadowContext;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Full-link load traffic ({@code X-Paysuite-Load-Test: 1}) on the running suite: a marked payment-code payment
 * completes through every service, its rows are in the shadow databases and not one of them in a real table
 * (every real database of every service is searched for its numbers), its notification never reaches the
 * merchant; an unmarked payment right after lands in the real tables only, and is notified.
 */
class ShadowTrafficIT {

    static HttpServer sink;
    static final AtomicInteger notified = new AtomicInteger();

    @BeforeAll
    static void sinkAndChannels() throws Exception {
        SuiteHarness.suite();
        sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        sink.createContext("/notify", exchange -> {
            exchange.getRequestBody().readAllBytes();
            notified.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        sink.start();
        Breakers.awaitClosed(SuiteHarness.reference(ChannelService.class, null), ChannelCode.ALIPAY);
    }

    @AfterAll
    static void stopSink() {
        if (sink != null) {
            sink.stop(0);
        }
    }

    @Test
    void aMarkedPaymentRunsEntirelyOnTheShadowSideAndTheNextRealOneEntirelyOnTheRealSide() throws Exception {
        String notifyUrl = "http://127.0.0.1:" + sink.getAddress().getPort() + "/notify";
        List<String> loadNumbers = new ArrayList<>();
        try (ShadowContext.Scope load = ShadowContext.enter()) {
            // a merchant that exists on the shadow side only, onboarded over Dubbo with the mark
            KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
            String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            // its own ids: a merchant id the shadow side generated could be a real merchant's too
            String merchantId = "M9" + (10_000_000 + ThreadLocalRandom.current().nextInt(90_000_000));
            Result<MerchantDTO> onboarded = SuiteHarness.reference(MerchantService.class, null).onboard(new OnboardMerchantCmd(
                    "SHADOW-" + UUID.randomUUID(), "load test till", pem, merchantId, "app_lt_" + merchantId.toLowerCase()));
            assertThat(onboarded.success()).as(onboarded.message()).isTrue();
            MerchantDTO merchant = onboarded.data();
            MerchantClient till = new MerchantClient(Merchants.base(), merchant.appId(), merchant.serialNo(), keys.getPrivate(),
                    Merchants.tlsCert(), Merchants.platformCert());

            String out = "LT-" + UUID.randomUUID().toString().substring(0, 20);
            Answer paid = till.post("/api/v1/trades/barcode", body(out, 1_234, notifyUrl));
            assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
            String tradeNo = paid.json().path("trade_no").asText();
            // in this thread: the mark is a thread-local, and Awaitility polls on a thread of its own by default
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).pollInSameThread()
                    .until(() -> "SUCCESS".equals(till.get("/api/v1/trades/" + tradeNo).json().path("status").asText()));
            loadNumbers.addAll(List.of(merchant.merchantId(), out, tradeNo));
        }
        String loadTrade = loadNumbers.get(2);

        // the payment's rows: trade, pay order, channel order, ledger, notification — on the shadow side
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Map<String, Integer> shadow = rowsNaming(shadowDatabases(), loadTrade);
            for (String side : List.of("paysuite_trade", "paysuite_pay", "paysuite_channel", "paysuite_accounting",
                    "paysuite_cashier")) {
                assertThat(shadow.entrySet().stream().filter(e -> e.getKey().startsWith(side)).mapToInt(Map.Entry::getValue).sum())
                        .as("rows of %s in %s_*_shadow: %s", loadTrade, side, shadow).isPositive();
            }
        });
        // and none of it, not even the merchant, on the real side (one pass over every real table)
        assertThat(rowsNaming(realDatabases(), loadNumbers.toArray(String[]::new))).as("real rows naming %s", loadNumbers).isEmpty();
        assertThat(notified).as("a load-test notification reaches no merchant").hasValue(0);

        // real traffic right after: real tables only, and notified
        Merchants.TestMerchant shop = Merchants.onboard("real till after a load test");
        Answer real = shop.client().post("/api/v1/trades/barcode",
                body("RT-" + UUID.randomUUID().toString().substring(0, 20), 1_235, notifyUrl));
        assertThat(real.status()).as(real.toString()).isEqualTo(201);
        String realTrade = real.json().path("trade_no").asText();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> notified.get() > 0);
        assertThat(shop.client().get("/api/v1/trades/" + realTrade).json().path("status").asText()).isEqualTo("SUCCESS");
        assertThat(rowsNaming(shadowDatabases(), realTrade)).as("real rows on the shadow side").isEmpty();
    }

    @Test
    void theLocalRunsShadowSeedGivesTheLoadToolItsMerchantAndFundedBuyersOnTheShadowSide() throws Exception {
        Suite suite = SuiteHarness.suite();
        Path work = suite.config().workDir();
        DemoSeed.seed(suite, work); // the real side first, as bin/run-local does: its accounts are opened and remembered
        DemoSeed.seedShadow(suite, work);

        Path shadow = work.resolve(DemoSeed.SHADOW_DIR);
        assertThat(shadow.resolve("demo-merchant.json")).exists();
        JsonNode buyers = new ObjectMapper().readTree(Files.readString(shadow.resolve("demo-buyers.json")));
        assertThat(buyers).hasSize(3);
        LedgerService ledger = SuiteHarness.reference(LedgerService.class, null);
        try (ShadowContext.Scope load = ShadowContext.enter()) {
            for (JsonNode buyer : buyers) {
                Result<AccountBalanceDTO> wallet = ledger.balance(new AccountRef(AccountType.BUYER_WALLET,
                        buyer.path("buyer_id").asText(), "CNY"));
                assertThat(wallet.success()).as(wallet.message()).isTrue();
                assertThat(wallet.data().balance()).as("%s's wallet on the shadow side", buyer.path("buyer_id").asText())
                        .isPositive();
                assertThat(buyer.path("coupons")).hasSize(2);
            }
        }
    }

    static String body(String outTradeNo, long total, String notifyUrl) {
        StringBuilder code = new StringBuilder("28");
        for (int i = 0; i < 12; i++) {
            code.append(ThreadLocalRandom.current().nextInt(10));
        }
        code.append("0000"); // the sandbox's Alipay pays such a code at once
        return "{\"out_trade_no\":\"" + outTradeNo + "\",\"amount\":{\"total\":" + total + ",\"currency\":\"CNY\"},"
                + "\"subject\":\"load test\",\"auth_code\":\"" + code + "\",\"notify_url\":\"" + notifyUrl + "\"}";
    }

    static List<String> realDatabases() {
        List<String> all = new ArrayList<>();
        for (ServiceId id : ServiceId.values()) {
            all.addAll(id.databases());
        }
        return all;
    }

    static List<String> shadowDatabases() {
        return realDatabases().stream().map(Suite::shadowOf).toList();
    }

    /** Every table (database.table) of these databases with rows whose text columns contain one of {@code numbers}, and how many. */
    static Map<String, Integer> rowsNaming(List<String> databases, String... numbers) throws SQLException {
        DatabaseServer db = SuiteHarness.suite().infra().database();
        Map<String, Integer> found = new LinkedHashMap<>();
        for (String database : databases) {
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(database), db.username(), db.password())) {
                Map<String, List<String>> textColumns = new LinkedHashMap<>();
                try (PreparedStatement columns = c.prepareStatement("SELECT table_name, column_name FROM information_schema.columns"
                        + " WHERE table_schema = ? AND data_type IN ('char', 'varchar', 'text', 'mediumtext', 'longtext', 'json')")) {
                    columns.setString(1, database);
                    try (ResultSet rs = columns.executeQuery()) {
                        while (rs.next()) {
                            textColumns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
                        }
                    }
                }
                for (Map.Entry<String, List<String>> table : textColumns.entrySet()) {
                    List<String> conditions = new ArrayList<>();
                    List<String> values = new ArrayList<>();
                    for (String column : table.getValue()) {
                        for (String number : numbers) {
                            conditions.add("`" + column + "` LIKE ?");
                            values.add("%" + number + "%");
                        }
                    }
                    try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM `" + table.getKey() + "` WHERE "
                            + String.join(" OR ", conditions))) {
                        for (int i = 0; i < values.size(); i++) {
                            count.setString(i + 1, values.get(i));
                        }
                        try (ResultSet rs = count.executeQuery()) {
                            rs.next();
                            if (rs.getInt(1) > 0) {
                                found.put(database + "." + table.getKey(), rs.getInt(1));
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
