package io.paysuite.channel.unionpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.channel.reconcile.BillFormatException;
import io.paysuite.channel.reconcile.BillRow;
import io.paysuite.channel.reconcile.BillUnavailableException;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The file transfer (txnType 76) and the bill source on it, against {@link FakeUnionPay}: what is sent, and every kind of answer. */
class UnionPayFileTransferTest {

    static final String MER_ID = "777290058110048";
    static final LocalDate DAY = LocalDate.of(2026, 11, 29);
    /** 2026-11-30 01:02:03 UTC is 09:02:03 in Beijing. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T01:02:03Z"), ZoneOffset.UTC);
    /** A ZM record (ASCII only), built from the ACP SDK's {@code parseZMFile} length array: 交易代码, …, 交易金额 (7), 查询流水号 (10), 商户订单号 (12), 交易类型 (20). */
    static final String LINE = zmRecord(java.util.Map.of(1, "S22", 5, "1129223344", 7, "000000001234", 10, "202611292233450000001",
            12, "C20261129000000000000000001", 20, "01", 28, MER_ID));

    static String zmRecord(java.util.Map<Integer, String> fields) {
        int[] lengths = {3, 11, 11, 6, 10, 19, 12, 4, 2, 21, 2, 32, 2, 6, 10, 13, 13, 4, 15, 2, 2, 6, 2, 4, 32, 1, 21, 15, 1, 15, 32,
                13, 13, 8, 32, 13, 13, 12, 2, 1, 32, 98};
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < lengths.length; i++) {
            line.append(i == 0 ? "" : " ").append(String.format("%-" + lengths[i] + "s", fields.getOrDefault(i + 1, "")));
        }
        return line.toString();
    }

    FakeUnionPay unionPay;

    @BeforeEach
    void start() throws IOException {
        unionPay = new FakeUnionPay();
    }

    @AfterEach
    void stop() {
        unionPay.close();
    }

    UnionPayBillSource source(String fileTransferUrl) {
        UnionPayProperties p = UnionPayCardAdapterTest.properties(unionPay.url());
        AcpClient client = new AcpClient(ChannelCode.UNIONPAY_B, new UnionPayProperties(p.gatewayUrl(), p.merId(), p.merchantPrivateKey(),
                p.merchantCertId(), p.platformPublicKey(), p.platformCertId(), p.backUrl(), p.trId(), p.connectTimeout(),
                p.readTimeout(), fileTransferUrl));
        return new UnionPayBillSource(new UnionPayFileTransfer(client, CLOCK));
    }

    /** The ACP SDK's encoding: ZIP, {@code new Deflater()} (zlib), Base64. */
    static String fileContent(String entryName, String text) {
        try {
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(zip)) {
                out.putNextEntry(new ZipEntry(entryName));
                out.write(text.getBytes(StandardCharsets.US_ASCII));
                out.closeEntry();
            }
            ByteArrayOutputStream zlib = new ByteArrayOutputStream();
            try (DeflaterOutputStream out = new DeflaterOutputStream(zlib)) {
                out.write(zip.toByteArray());
            }
            return Base64.getEncoder().encodeToString(zlib.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> echo(Map<String, String> request, String respCode, String respMsg) {
        Map<String, String> answer = new LinkedHashMap<>();
        for (String field : new String[] {"version", "encoding", "signMethod", "txnType", "txnSubType", "bizType", "accessType",
                "merId", "settleDate", "txnTime", "fileType"}) {
            answer.put(field, request.get(field));
        }
        answer.put("respCode", respCode);
        answer.put("respMsg", respMsg);
        return answer;
    }

    @Test
    void asksForTheDaysFileSignedByMonthAndDayAndReadsTheDetailFileOutOfTheArchive() {
        unionPay.answer(form -> {
            Map<String, String> answer = echo(form, "00", "成功[0000000]");
            answer.put("fileName", MER_ID + "_20261129.zip");
            answer.put("fileContent", fileContent("INN26112900ZM_" + MER_ID + ".txt", LINE + "\r\n"));
            return FakeUnionPay.signed(answer);
        });
        UnionPayBillSource source = source(null);

        assertThat(source.channel()).isEqualTo(ChannelCode.UNIONPAY_B);
        assertThat(source.rows(DAY)).containsExactly(new BillRow("C20261129000000000000000001", "202611292233450000001",
                BillRow.Kind.PAYMENT, 1234, Instant.parse("2026-11-29T14:33:44Z")));

        FakeUnionPay.Received sent = unionPay.received.get(0);
        assertThat(sent.path()).isEqualTo("/gateway/api/fileTransReq.do");
        assertThat(AcpSigner.verify(sent.form(), FakeUnionPay.MERCHANT.getPublic())).as("signed with the merchant key").isTrue();
        assertThat(sent.form()).containsEntry("version", "5.1.0").containsEntry("encoding", "UTF-8").containsEntry("signMethod", "01")
                .containsEntry("certId", "68759529225").containsEntry("txnType", "76").containsEntry("txnSubType", "01")
                .containsEntry("bizType", "000000").containsEntry("accessType", "0").containsEntry("merId", MER_ID)
                .containsEntry("settleDate", "1129").containsEntry("txnTime", "20261130090203").containsEntry("fileType", "00")
                .doesNotContainKeys("orderId", "backUrl");
    }

    @Test
    void fileTransferUrlIsPostedToAsItIsLikeUnionPaysFileHostRoot() {
        unionPay.answer(form -> FakeUnionPay.signed(echo(form, "98", "文件不存在")));
        assertThat(source(unionPay.url() + "/").rows(DAY)).isEmpty();
        assertThat(unionPay.received.get(0).path()).isEqualTo("/");
    }

    @Test
    void noFileIsAnEmptyBillAnyOtherRefusalIsUnavailable() {
        unionPay.answer(form -> FakeUnionPay.signed(echo(form, "98", "文件不存在")));
        assertThat(source(null).rows(DAY)).isEmpty();

        unionPay.answer(form -> FakeUnionPay.signed(echo(form, "11", "验证签名失败")));
        assertThatThrownBy(() -> source(null).rows(DAY)).isInstanceOf(BillUnavailableException.class)
                .hasMessageContaining("respCode 11").hasMessageContaining("验证签名失败");
        unionPay.answer(form -> FakeUnionPay.signed(echo(form, "34", "查无此交易")));
        assertThatThrownBy(() -> source(null).rows(DAY)).isInstanceOf(BillUnavailableException.class).hasMessageContaining("34");
    }

    @Test
    void anAnswerWeCannotTrustOrDoNotGetIsUnavailable() {
        unionPay.answer(form -> FakeUnionPay.signedBy(echo(form, "98", "文件不存在"), FakeUnionPay.STRANGER.getPrivate(),
                FakeUnionPay.PLATFORM_CERT_ID));
        assertThatThrownBy(() -> source(null).rows(DAY)).as("98 signed by someone else is not UnionPay's")
                .isInstanceOf(BillUnavailableException.class).hasMessageContaining("SIGNATURE");

        unionPay.answer(form -> new FakeUnionPay.Reply(500, "busy", Duration.ZERO));
        assertThatThrownBy(() -> source(null).rows(DAY)).isInstanceOf(BillUnavailableException.class).hasMessageContaining("HTTP_500");

        unionPay.answer(form -> {
            Map<String, String> answer = echo(form, "98", "文件不存在");
            answer.put("merId", "777290058110049");
            return FakeUnionPay.signed(answer);
        });
        assertThatThrownBy(() -> source(null).rows(DAY)).as("another merchant's answer").isInstanceOf(BillUnavailableException.class)
                .hasMessageContaining("merId=777290058110049");
        unionPay.answer(form -> {
            Map<String, String> answer = echo(form, "00", "成功");
            answer.put("settleDate", "1128");
            answer.put("fileContent", fileContent("INN26112800ZM_" + MER_ID + ".txt", LINE + "\r\n"));
            return FakeUnionPay.signed(answer);
        });
        assertThatThrownBy(() -> source(null).rows(DAY)).as("another day's file").isInstanceOf(BillUnavailableException.class)
                .hasMessageContaining("settleDate=1128");
    }

    @Test
    void aBodyThatStallsAfterTheHeadersIsCutOffAtTheDeadline() throws Exception {
        HttpServer stalling = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stalling.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0); // chunked: headers now, the body never ends
            exchange.getResponseBody().write("respCode=00&fileContent=eJ".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        stalling.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        stalling.start();
        try {
            UnionPayProperties p = UnionPayCardAdapterTest.properties(unionPay.url());
            AcpClient client = new AcpClient(new UnionPayProperties(p.gatewayUrl(), p.merId(), p.merchantPrivateKey(), p.merchantCertId(),
                    p.platformPublicKey(), p.platformCertId(), p.backUrl(), p.trId(), p.connectTimeout(), p.readTimeout(),
                    "http://127.0.0.1:" + stalling.getAddress().getPort() + "/"));
            long started = System.nanoTime();
            assertThatThrownBy(() -> client.fileTransfer(Map.of("txnType", "76"), Duration.ofMillis(500)))
                    .isInstanceOfSatisfying(AcpClient.AcpFailure.class, failure -> assertThat(failure.rawCode).isEqualTo("IO"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        } finally {
            stalling.stop(0);
        }
    }

    @Test
    void aSuccessWithoutAReadableFileIsAFormatError() {
        unionPay.answer(form -> FakeUnionPay.signed(echo(form, "00", "成功[0000000]")));
        assertThatThrownBy(() -> source(null).rows(DAY)).isInstanceOf(BillFormatException.class).hasMessageContaining("without fileContent");

        unionPay.answer(form -> {
            Map<String, String> answer = echo(form, "00", "成功[0000000]");
            answer.put("fileContent", fileContent("INN26112900ZME_" + MER_ID + ".txt", ""));
            return FakeUnionPay.signed(answer);
        });
        assertThatThrownBy(() -> source(null).rows(DAY)).isInstanceOf(BillFormatException.class)
                .hasMessageContaining("no transaction detail file");

        unionPay.answer(form -> {
            Map<String, String> answer = echo(form, "00", "成功[0000000]");
            answer.put("fileContent", fileContent("INN26112900ZM_" + MER_ID + ".txt", "a line of UnionPay's own layout\r\n"));
            return FakeUnionPay.signed(answer);
        });
        assertThatThrownBy(() -> source(null).rows(DAY)).isInstanceOf(BillFormatException.class).hasMessageContaining("bytes");
    }
}
