package io.paysuite.sandbox.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.response.AlipayTradeQueryResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/** Without key paths the sandbox starts, the control API works and the gateways (Alipay, WeChat, UnionPay) refuse, unsigned. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "logging.level.sdk=OFF")
class AlipayWithoutKeysTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @Test
    void gatewayAnswersAnUnsigned40002() throws Exception {
        DefaultAlipayClient client = new DefaultAlipayClient("http://127.0.0.1:" + port + "/gateway.do", TestKeys.APP_ID,
                TestKeys.base64(TestKeys.APP.getPrivate()), "json", "UTF-8", TestKeys.base64(TestKeys.PLATFORM.getPublic()), "RSA2");
        AlipayTradeQueryRequest request = new AlipayTradeQueryRequest();
        request.setBizContent("{\"out_trade_no\":\"T1\"}");
        AlipayTradeQueryResponse response = client.execute(request);
        assertThat(response.getCode()).isEqualTo("40002");
        assertThat(response.getSubCode()).isEqualTo("isv.missing-signature-config");
        assertThat(response.getBody()).doesNotContain("\"sign\"");

        assertThat(rest.getForEntity("/sandbox/v1/faults", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void wechatAnswers500WithoutKeys() {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        org.springframework.http.ResponseEntity<String> answer = rest.postForEntity("/v3/pay/transactions/native",
                new org.springframework.http.HttpEntity<>("{}", headers), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody()).contains("\"code\":\"SYSTEM_ERROR\"").contains("sandbox has no WeChat keys");
    }

    @Test
    void unionpayAnswers500WithoutKeys() {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED);
        org.springframework.http.ResponseEntity<String> answer = rest.postForEntity("/gateway/api/queryTrans.do",
                new org.springframework.http.HttpEntity<>("txnType=00&orderId=C12345678&txnTime=20261129223344", headers), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody()).isEqualTo("sandbox has no UnionPay keys");
        org.springframework.http.ResponseEntity<String> secondAcquirer = rest.postForEntity("/acquirer-b/gateway/api/backTransReq.do",
                new org.springframework.http.HttpEntity<>("txnType=01&orderId=C12345678&txnTime=20261129223344", headers), String.class);
        assertThat(secondAcquirer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(secondAcquirer.getBody()).isEqualTo("sandbox has no UnionPay keys");
    }
}
