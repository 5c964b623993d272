package io.paysuite.it.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.common.Result;
import io.paysuite.api.money.Money;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeType;
import io.paysuite.deploy.launcher.ServiceId;
import io.paysuite.it.MerchantSink;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.openapi.MerchantClient.Answer;
import io.paysuite.it.openapi.Merchants;
import io.paysuite.it.openapi.Merchants.TestMerchant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.apache.dubbo.rpc.RpcContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One payment's trace id followed through the suite's logs. A payment code is paid through the open
 * API against the sandbox's Alipay ({@code …0000} pays at once): cashier-service takes the request,
 * trade-core creates the trade, pay-core charges through channel-gateway, the ledger posts the money,
 * and trade-core learns the trade is paid from pay-core's {@code PAY_SUCCEEDED} message (the line
 * {@code trade paid trade_no=…} is written by that RocketMQ consumer). The answer's {@code Request-ID}
 * is the W3C trace id; the same id must be on lines of every one of those services' logs (the
 * launcher writes each to {@code <work>/…/logs/<service>.log}), and on the ops trail's trade events.
 * A Dubbo consumer that sends its own {@code traceparent} attachment sees trade-core continue it.
 */
class TraceFollowsPaymentIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LOGS_WRITTEN = Duration.ofSeconds(30);

    static TestMerchant shop;

    @BeforeAll
    static void merchant() {
        SuiteHarness.suite();
        shop = Merchants.onboard("traced till");
    }

    @Test
    void aPaymentThroughTheOpenApiLeavesItsRequestIdOnEveryServicesLogLinesAndOnItsTrail() throws Exception {
        Answer paid = shop.client().post("/api/v1/trades/barcode", "{\"out_trade_no\":\"TRACE-" + UUID.randomUUID().toString().substring(0, 20)
                + "\",\"amount\":{\"total\":1200,\"currency\":\"CNY\"},\"subject\":\"traced sale\",\"auth_code\":\"" + alipayCode() + "\"}");
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(paid.json().path("status").asText()).isEqualTo("SUCCESS");
        String tradeNo = paid.json().path("trade_no").asText();
        String traceId = paid.headers().get("request-id");
        assertThat(traceId).as("Request-ID is the W3C trace id").matches("[0-9a-f]{32}");

        await().atMost(LOGS_WRITTEN).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(linesWith(ServiceId.CASHIER_SERVICE, traceId)).as("cashier-service").anyMatch(l -> l.contains("open api POST"));
            assertThat(linesWith(ServiceId.TRADE_CORE, traceId)).as("trade-core").anyMatch(l -> l.contains("trade created trade_no=" + tradeNo));
            assertThat(linesWith(ServiceId.PAY_CORE, traceId)).as("pay-core").anyMatch(l -> l.contains("trade_no=" + tradeNo));
            assertThat(linesWith(ServiceId.CHANNEL_GATEWAY, traceId)).as("channel-gateway").anyMatch(l -> l.contains("channel order"));
            assertThat(linesWith(ServiceId.ACCOUNTING_SERVICE, traceId)).as("accounting-service").anyMatch(l -> l.contains("journal entry posted"));
            assertThat(linesWith(ServiceId.TRADE_CORE, traceId)).as("trade-core's consumer of PAY_SUCCEEDED (through the broker)")
                    .anyMatch(l -> l.contains("trade paid trade_no=" + tradeNo));
        });

        HttpResponse<String> trail = Merchants.ops(Merchants.base(), "GET", "/ops/api/v1/trades/" + tradeNo + "/trail", null);
        assertThat(trail.statusCode()).as(trail.body()).isEqualTo(200);
        List<String> tradeEventTraces = stream(JSON.readTree(trail.body()).path("events"))
                .filter(step -> "trade-core".equals(step.path("source").asText()))
                .map(step -> step.path("trace_id").asText(null))
                .toList();
        assertThat(tradeEventTraces).as(trail.body()).isNotEmpty().contains(traceId);
    }

    @Test
    void aDubboConsumersTraceparentIsContinuedByTheService() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String parent = HexFormat.of().formatHex(randomBytes(8));
        RpcContext.getClientAttachment().setAttachment("traceparent", "00-" + traceId + "-" + parent + "-01");
        Result<TradeDTO> created = SuiteHarness.reference(TradeService.class, null).create(new CreateTradeCmd(shop.merchantId(),
                "TRACE-DUBBO-" + UUID.randomUUID().toString().substring(0, 16), TradeType.INSTANT, Money.cny(700), "traced dubbo call",
                null, MerchantSink.notifyUrl(), null, null, null, null));
        assertThat(created.success()).as(created.code() + " " + created.message()).isTrue();
        String tradeNo = created.data().tradeNo();

        await().atMost(LOGS_WRITTEN).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(linesWith(ServiceId.TRADE_CORE, traceId)).anyMatch(l -> l.contains("trade created trade_no=" + tradeNo)));
    }

    private static List<String> linesWith(ServiceId service, String traceId) {
        Path log = SuiteHarness.suite().service(service).logFile();
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(traceId)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        } catch (UncheckedIOException malformed) {
            // a line being written while read: the next poll reads it whole
            return List.of();
        }
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return Stream.iterate(0, i -> i < array.size(), i -> i + 1).map(array::get);
    }

    private static String alipayCode() {
        StringBuilder code = new StringBuilder("28");
        for (int i = 0; i < 12; i++) {
            code.append(ThreadLocalRandom.current().nextInt(10));
        }
        return code.append("0000").toString();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never the all-zero (invalid) id
        return bytes;
    }
}
