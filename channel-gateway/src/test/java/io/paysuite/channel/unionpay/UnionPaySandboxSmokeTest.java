package io.paysuite.channel.unionpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.reconcile.BillRow;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The adapter against a running channel-sandbox (not part of the normal build: the modules do not depend on each
 * other). Start the sandbox with the merchant's public and the platform's private key, then
 * {@code mvn test -Dgroups=live -Dtest=UnionPaySandboxSmokeTest -Dunionpay.sandbox.url=http://127.0.0.1:8099
 * -Dunionpay.keys=/dir/with/merchant-private.pem,platform-public.pem}.
 */
@Tag("live")
@EnabledIfSystemProperty(named = "unionpay.sandbox.url", matches = "http.*")
class UnionPaySandboxSmokeTest {

    final Path keys = Path.of(System.getProperty("unionpay.keys", "."));
    final List<Map<String, String>> notifications = new CopyOnWriteArrayList<>();
    final HttpServer backUrl = backUrl(notifications);
    final AcpClient client = new AcpClient(new UnionPayProperties(
            System.getProperty("unionpay.sandbox.url"), "777290058110048", keys.resolve("merchant-private.pem"), "68759529225",
            keys.resolve("platform-public.pem"), "69629715588",
            "http://127.0.0.1:" + backUrl.getAddress().getPort() + "/channels/unionpay/notify", "62000000001",
            Duration.ofSeconds(1), Duration.ofSeconds(3), null));
    final UnionPayCardAdapter adapter = new UnionPayCardAdapter(client);

    @AfterEach
    void stop() {
        backUrl.stop(0);
    }

    static HttpServer backUrl(List<Map<String, String>> received) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/channels/unionpay/notify", exchange -> {
                received.add(FakeUnionPay.formDecode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ChannelOrder order() {
        String digits = Long.toString(System.currentTimeMillis()) + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        return new ChannelOrder("C" + digits, "P" + digits, "T" + digits, "M100001", ChannelCode.UNIONPAY, PayMethod.BANK_CARD,
                Money.cny(1234), "card", ChannelOrderStatus.CREATED, null, null, null, null, Instant.now().plusSeconds(900),
                Instant.now(), null);
    }

    @Test
    void consumeThenQueryUntilSettled() {
        ChannelOrder paid = order();
        assertThat(adapter.query(paid).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(adapter.pay(paid, "6200000000010000").outcome()).isEqualTo(Outcome.PENDING);
        await().atMost(Duration.ofSeconds(10)).until(() -> adapter.query(paid).outcome() == Outcome.SUCCESS);
        ChannelCall settled = adapter.query(paid);
        assertThat(settled.paidMinor()).isEqualTo(1234L);
        assertThat(settled.channelTradeNo()).matches("\\d{21}");
        assertThat(adapter.pay(paid, "6200000000010000").outcome()).as("12 duplicate: the query decides").isEqualTo(Outcome.UNKNOWN);
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications.stream().anyMatch(n -> paid.channelOrderNo().equals(n.get("orderId"))));
        Map<String, String> notification = notifications.stream().filter(n -> paid.channelOrderNo().equals(n.get("orderId"))).findFirst()
                .orElseThrow();
        assertThat(client.verifies(notification)).as("the sandbox's notification verifies with the gateway's rules").isTrue();
        assertThat(UnionPayCodes.ofNotification(notification.get("respCode"))).isEqualTo(Outcome.SUCCESS);
        assertThat(notification.get("queryId")).isEqualTo(settled.channelTradeNo());

        ChannelOrder declined = order();
        assertThat(adapter.pay(declined, "6200000000011111").outcome()).isEqualTo(Outcome.PENDING);
        await().atMost(Duration.ofSeconds(10)).until(() -> adapter.query(declined).outcome() == Outcome.FAILURE);
        assertThat(adapter.query(declined).rawCode()).isEqualTo("64");

        ChannelOrder stuck = order();
        assertThat(adapter.pay(stuck, "6200000000019999").outcome()).isEqualTo(Outcome.PENDING);
        assertThat(adapter.query(stuck).outcome()).isEqualTo(Outcome.PENDING);
    }

    /** The day's file through fileTransReq.do, as the sandbox encodes it: the paid consume is in it, the declined one is not money. */
    @Test
    void todaysFileThroughFileTransferHasThePaidConsume() {
        ChannelOrder paid = order();
        assertThat(adapter.pay(paid, "6200000000010000").outcome()).isEqualTo(Outcome.PENDING);
        await().atMost(Duration.ofSeconds(10)).until(() -> adapter.query(paid).outcome() == Outcome.SUCCESS);
        UnionPayBillSource bill = new UnionPayBillSource(new UnionPayFileTransfer(client, Clock.systemUTC()));
        assertThat(bill.rows(LocalDate.now(UnionPayCardAdapter.BEIJING))).anySatisfy(row -> assertThat(row)
                .returns(paid.channelOrderNo(), BillRow::channelOrderNo).returns(1234L, BillRow::amountMinor));
        assertThat(bill.rows(LocalDate.now(UnionPayCardAdapter.BEIJING).minusDays(30))).as("98: no file that day").isEmpty();
    }
}
