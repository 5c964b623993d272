package io.paysuite.sandbox.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.request.AlipayDataDataserviceBillDownloadurlQueryRequest;
import com.alipay.api.request.AlipayFundTransCommonQueryRequest;
import com.alipay.api.request.AlipayFundTransUniTransferRequest;
import com.alipay.api.response.AlipayFundTransCommonQueryResponse;
import com.alipay.api.response.AlipayFundTransUniTransferResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sandbox's Alipay transfers to bank cards against the unmodified official SDK. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "logging.level.sdk=OFF")
class AlipayTransfersTest {

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("paysuite.sandbox.time-scale", () -> "0.001");
        registry.add("paysuite.sandbox.alipay.latency", () -> "1ms");
        registry.add("paysuite.sandbox.alipay.app-public-key", () -> TestKeys.pem("PUBLIC KEY", TestKeys.APP.getPublic()).toString());
        registry.add("paysuite.sandbox.alipay.platform-private-key", () -> TestKeys.pem("PRIVATE KEY", TestKeys.PLATFORM.getPrivate()).toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @AfterEach
    void clearFaults() {
        rest.delete("/sandbox/v1/faults");
    }

    @Test
    void aTransferToAnOrdinaryCardSucceedsAndTheSameRequestAnswersTheSameTransfer() throws Exception {
        String no = payoutNo();
        AlipayFundTransUniTransferResponse first = transfer(client(), no, "100.00", "6222020200001234");
        assertThat(first.isSuccess()).isTrue();
        assertThat(first.getStatus()).isEqualTo("SUCCESS");
        assertThat(first.getOutBizNo()).isEqualTo(no);

        AlipayFundTransUniTransferResponse again = transfer(client(), no, "100.00", "6222020200001234");
        assertThat(again.getOrderId()).isEqualTo(first.getOrderId());
        assertThat(again.getStatus()).isEqualTo("SUCCESS");
        assertThat(transferView(no)).containsEntry("requests", 2).containsEntry("amount_fen", 10000).containsEntry("card", "****1234");

        AlipayFundTransCommonQueryResponse queried = query(no);
        assertThat(queried.getStatus()).isEqualTo("SUCCESS");
        assertThat(queried.getTransAmount()).isEqualTo("100.00");
        assertThat(queried.getPayDate()).isNotBlank();
    }

    @Test
    void theSameNumberWithOtherContentIsInconsistent() throws Exception {
        String no = payoutNo();
        transfer(client(), no, "1.00", "6222020200001234");
        AlipayFundTransUniTransferResponse other = transfer(client(), no, "2.00", "6222020200001234");
        assertThat(other.getCode()).isEqualTo("40004");
        assertThat(other.getSubCode()).isEqualTo("PAYMENT_INFO_INCONSISTENCY");
    }

    @Test
    void aBadCardAndAnEmptyPlatformAccountAreRefusedAndRecordNothing() throws Exception {
        String bad = payoutNo();
        assertThat(transfer(client(), bad, "1.00", "6222020200000000").getSubCode()).isEqualTo("PAYEE_CARD_INFO_ERROR");
        String poor = payoutNo();
        assertThat(transfer(client(), poor, "1.00", "6222020200001111").getSubCode()).isEqualTo("PAYER_BALANCE_NOT_ENOUGH");
        assertThat(query(bad).getSubCode()).isEqualTo("ORDER_NOT_EXIST");
        assertThat(query(poor).getSubCode()).isEqualTo("ORDER_NOT_EXIST");
    }

    @Test
    void aDealingTransferIsPaidOrRefusedByTheBankLater() throws Exception {
        String paid = payoutNo();
        String refused = payoutNo();
        assertThat(transfer(client(), paid, "5.00", "6222020200009999").getStatus()).isEqualTo("DEALING");
        assertThat(transfer(client(), refused, "5.00", "6222020200008888").getStatus()).isEqualTo("DEALING");

        await().atMost(Duration.ofSeconds(10)).until(() -> "SUCCESS".equals(query(paid).getStatus()));
        await().atMost(Duration.ofSeconds(10)).until(() -> "FAIL".equals(query(refused).getStatus()));
        // the SDK's base response shadows error_code (getErrorCode), so it is read from the body
        assertThat(query(refused).getBody()).contains("\"error_code\":\"PAYEE_ACCOUNT_NOT_EXSIT\"");
        assertThat(query(refused).getFailReason()).isNotBlank();
    }

    @Test
    void aTransferHeldDealingIsFinishedByTheControlApiOnce() throws Exception {
        String no = payoutNo();
        assertThat(transfer(client(), no, "3.00", "6222020200006666").getStatus()).isEqualTo("DEALING");
        assertThat(query(no).getStatus()).isEqualTo("DEALING");

        assertThat(finish(no, "SUCCESS").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(query(no).getStatus()).isEqualTo("SUCCESS");
        assertThat(finish(no, "FAIL").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(finish(payoutNo(), "FAIL").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aTimeoutAppliesTheTransferButTheClientGivesUpFirst() throws Exception {
        String no = payoutNo();
        fault("payout", "TIMEOUT");
        AlipayClient impatient = DefaultAlipayClient.builder(gatewayUrl(), TestKeys.APP_ID, TestKeys.base64(TestKeys.APP.getPrivate()))
                .format("json").charset("UTF-8").signType("RSA2")
                .alipayPublicKey(TestKeys.base64(TestKeys.PLATFORM.getPublic())).readTimeout(400).build();
        assertThatThrownBy(() -> transfer(impatient, no, "7.00", "6222020200001234")).isInstanceOf(AlipayApiException.class);
        rest.delete("/sandbox/v1/faults");

        assertThat(query(no).getStatus()).as("applied although unanswered").isEqualTo("SUCCESS");
    }

    @Test
    void aLostRequestAppliesNothingAndNotFoundMakesTheQuerySayNotExist() throws Exception {
        String no = payoutNo();
        fault("payout", "NOT_FOUND");
        AlipayClient impatient = DefaultAlipayClient.builder(gatewayUrl(), TestKeys.APP_ID, TestKeys.base64(TestKeys.APP.getPrivate()))
                .format("json").charset("UTF-8").signType("RSA2")
                .alipayPublicKey(TestKeys.base64(TestKeys.PLATFORM.getPublic())).readTimeout(400).build();
        assertThatThrownBy(() -> transfer(impatient, no, "7.00", "6222020200001234")).isInstanceOf(AlipayApiException.class);
        rest.delete("/sandbox/v1/faults");
        assertThat(query(no).getSubCode()).isEqualTo("ORDER_NOT_EXIST");

        transfer(client(), no, "7.00", "6222020200001234");
        fault("query", "NOT_FOUND");
        assertThat(query(no).getSubCode()).isEqualTo("ORDER_NOT_EXIST");
        rest.delete("/sandbox/v1/faults");
        assertThat(query(no).getStatus()).isEqualTo("SUCCESS");
    }

    @Test
    void theBillListsTheDaysTransfersAsDebitsAndARefusedOneAsACreditBack() throws Exception {
        String paid = payoutNo();
        String refused = payoutNo();
        transfer(client(), paid, "12.34", "6222020200001234");
        transfer(client(), refused, "5.00", "6222020200008888");
        await().atMost(Duration.ofSeconds(10)).until(() -> "FAIL".equals(query(refused).getStatus()));

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        ResponseEntity<byte[]> bill = rest.getForEntity("/sandbox/v1/bills/ALIPAY_PAYOUT/" + today, byte[].class);
        assertThat(bill.getStatusCode()).isEqualTo(HttpStatus.OK);
        String csv = unzipped(bill.getBody());
        assertThat(csv).startsWith("#支付宝账务明细查询").contains(AlipayTransferBill.HEADER);
        assertThat(csv.lines().filter(l -> l.contains("," + paid + ",")).toList()).singleElement()
                .satisfies(l -> assertThat(l).contains(",-12.34,").contains(",转账,"));
        assertThat(csv.lines().filter(l -> l.contains("," + refused + ",")).toList()).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains(",5.00,").contains(",退票,"));
    }

    @Test
    void billFaultsChangeTheAccountBillAndItsSigncustomerDownloadUrlServesIt() throws Exception {
        String changed = payoutNo();
        String dropped = payoutNo();
        String stranger = payoutNo();
        transfer(client(), changed, "1.00", "6222020200001234");
        transfer(client(), dropped, "2.00", "6222020200001234");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        billFault(today, "CHANGE_AMOUNT", changed, 150L);
        billFault(today, "DROP_LINE", dropped, null);
        billFault(today, "ADD_LINE", stranger, 99L);
        try {
            AlipayDataDataserviceBillDownloadurlQueryRequest request = new AlipayDataDataserviceBillDownloadurlQueryRequest();
            request.setBizContent("{\"bill_type\":\"signcustomer\",\"bill_date\":\"" + today + "\"}");
            String url = client().execute(request).getBillDownloadUrl();
            assertThat(url).contains("/alipay/bills/signcustomer/" + today);

            String csv = unzipped(rest.getForEntity(url.substring(url.indexOf("/alipay/")), byte[].class).getBody());
            assertThat(csv.lines().filter(l -> l.contains("," + changed + ",")).toList()).singleElement()
                    .satisfies(l -> assertThat(l).contains(",-1.50,"));
            assertThat(csv).doesNotContain(dropped);
            assertThat(csv.lines().filter(l -> l.contains("," + stranger + ",")).toList()).singleElement()
                    .satisfies(l -> assertThat(l).contains(",-0.99,").contains(",转账,"));
        } finally {
            rest.delete("/sandbox/v1/bill-faults");
        }
    }

    @Test
    void aReturnLineAddedForAPaidTransferIsTheBankSendingThatTransferBack() throws Exception {
        String returned = payoutNo();
        transfer(client(), returned, "3.00", "6222020200001234");
        String orderId = query(returned).getOrderId();
        String serial = query(returned).getPayFundOrderId();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("channel", "ALIPAY_PAYOUT");
        fault.put("bill_date", today.toString());
        fault.put("action", "ADD_LINE");
        fault.put("kind", "REFUND");
        fault.put("out_trade_no", returned);
        fault.put("amount_fen", 300);
        assertThat(rest.postForEntity("/sandbox/v1/bill-faults", fault, Map.class).getStatusCode().value())
                .as("a payout's return needs no refund number").isEqualTo(201);
        try {
            String csv = unzipped(rest.getForEntity("/sandbox/v1/bills/ALIPAY_PAYOUT/" + today, byte[].class).getBody());
            assertThat(csv.lines().filter(l -> l.contains("," + returned + ",")).toList()).hasSize(2)
                    .anySatisfy(l -> assertThat(l).contains(",-3.00,").contains(",转账,"))
                    .anySatisfy(l -> assertThat(l).startsWith(serial + "R," + orderId + ",")
                            .contains(",3.00,").contains(",退票,").contains("****1234"));
        } finally {
            rest.delete("/sandbox/v1/bill-faults");
        }
    }

    private void billFault(LocalDate day, String action, String outBizNo, Long fen) {
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("channel", "ALIPAY_PAYOUT");
        fault.put("bill_date", day.toString());
        fault.put("action", action);
        fault.put("kind", "PAYMENT");
        fault.put("out_trade_no", outBizNo);
        if (fen != null) {
            fault.put("amount_fen", fen);
        }
        assertThat(rest.postForEntity("/sandbox/v1/bill-faults", fault, Map.class).getStatusCode().is2xxSuccessful()).isTrue();
    }

    private AlipayFundTransUniTransferResponse transfer(AlipayClient client, String no, String yuan, String card)
            throws AlipayApiException {
        AlipayFundTransUniTransferRequest request = new AlipayFundTransUniTransferRequest();
        request.setBizContent("{\"out_biz_no\":\"" + no + "\",\"trans_amount\":\"" + yuan + "\",\"product_code\":\"TRANS_BANKCARD_NO_PWD\","
                + "\"biz_scene\":\"DIRECT_TRANSFER\",\"order_title\":\"结算\",\"payee_info\":{\"identity\":\"" + card + "\","
                + "\"identity_type\":\"BANKCARD_ACCOUNT\",\"name\":\"张三\",\"bankcard_ext_info\":{\"account_type\":\"2\"}}}");
        return client.execute(request);
    }

    private AlipayFundTransCommonQueryResponse query(String no) throws AlipayApiException {
        AlipayFundTransCommonQueryRequest request = new AlipayFundTransCommonQueryRequest();
        request.setBizContent("{\"out_biz_no\":\"" + no + "\",\"product_code\":\"TRANS_BANKCARD_NO_PWD\",\"biz_scene\":\"DIRECT_TRANSFER\"}");
        return client().execute(request);
    }

    private Map<String, Object> transferView(String no) {
        return rest.exchange("/sandbox/v1/orders/ALIPAY_PAYOUT/" + no, HttpMethod.GET, null,
                new ParameterizedTypeReference<Map<String, Object>>() { }).getBody();
    }

    private ResponseEntity<Map<String, Object>> finish(String no, String status) {
        return rest.exchange("/sandbox/v1/payouts/" + no + "/finish", HttpMethod.POST, new HttpEntity<>(Map.of("status", status)),
                new ParameterizedTypeReference<Map<String, Object>>() { });
    }

    private void fault(String operation, String mode) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("channel", "ALIPAY_PAYOUT");
        rule.put("operation", operation);
        rule.put("mode", mode);
        rule.put("rate", 1.0);
        rule.put("millis", 1500);
        assertThat(rest.postForEntity("/sandbox/v1/faults", rule, Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private AlipayClient client() {
        return new DefaultAlipayClient(gatewayUrl(), TestKeys.APP_ID, TestKeys.base64(TestKeys.APP.getPrivate()), "json", "UTF-8",
                TestKeys.base64(TestKeys.PLATFORM.getPublic()), "RSA2");
    }

    private String gatewayUrl() {
        return "http://127.0.0.1:" + port + "/gateway.do";
    }

    private static String payoutNo() {
        return "PO" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    private static String unzipped(byte[] zip) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry = in.getNextEntry();
            assertThat(entry.getName()).endsWith("_账务明细.csv");
            return new String(in.readAllBytes(), Charset.forName("GBK"));
        }
    }
}
