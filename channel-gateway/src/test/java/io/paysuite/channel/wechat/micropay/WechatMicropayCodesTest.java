package io.paysuite.channel.wechat.micropay;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.channel.adapter.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WechatMicropayCodesTest {

    @ParameterizedTest(name = "micropay {0}/{1}/{2} → {3}")
    @CsvSource(nullValues = "-", value = {
            "SUCCESS, SUCCESS, -,                 SUCCESS",
            "SUCCESS, FAIL,    USERPAYING,        PENDING",
            "SUCCESS, FAIL,    SYSTEMERROR,       UNKNOWN",
            "SUCCESS, FAIL,    BANKERROR,         UNKNOWN",
            "SUCCESS, FAIL,    AUTH_CODE_INVALID, FAILURE",
            "SUCCESS, FAIL,    AUTHCODEEXPIRE,    FAILURE",
            "SUCCESS, FAIL,    NOTENOUGH,         FAILURE",
            "SUCCESS, FAIL,    NOTSUPORTCARD,     FAILURE",
            "SUCCESS, FAIL,    ORDERCLOSED,       FAILURE",
            "SUCCESS, FAIL,    ORDERREVERSED,     FAILURE",
            "SUCCESS, FAIL,    PARAM_ERROR,       FAILURE",
            "SUCCESS, FAIL,    ORDERPAID,         UNKNOWN",
            "SUCCESS, FAIL,    OUT_TRADE_NO_USED, UNKNOWN",
            "SUCCESS, FAIL,    SOMETHING_NEW,     UNKNOWN",
            "SUCCESS, FAIL,    -,                 UNKNOWN",
            "SUCCESS, -,       -,                 UNKNOWN",
            "FAIL,    -,       -,                 UNKNOWN",
            "FAIL,    SUCCESS, -,                 UNKNOWN",
            "-,       -,       -,                 UNKNOWN"})
    void pay(String returnCode, String resultCode, String errCode, Outcome expected) {
        assertThat(WechatMicropayCodes.ofPay(returnCode, resultCode, errCode)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "orderquery {0}/{1}/{2}/{3} → {4}")
    @CsvSource(nullValues = "-", value = {
            "SUCCESS, SUCCESS, -,             SUCCESS,    SUCCESS",
            "SUCCESS, SUCCESS, -,             REFUND,     SUCCESS",
            "SUCCESS, SUCCESS, -,             USERPAYING, PENDING",
            "SUCCESS, SUCCESS, -,             NOTPAY,     PENDING",
            "SUCCESS, SUCCESS, -,             REVOKED,    FAILURE",
            "SUCCESS, SUCCESS, -,             CLOSED,     FAILURE",
            "SUCCESS, SUCCESS, -,             PAYERROR,   FAILURE",
            "SUCCESS, SUCCESS, -,             ACCEPT,     UNKNOWN",
            "SUCCESS, SUCCESS, -,             -,          UNKNOWN",
            "SUCCESS, FAIL,    ORDERNOTEXIST, -,          NOT_FOUND",
            "SUCCESS, FAIL,    SYSTEMERROR,   -,          UNKNOWN",
            "FAIL,    -,       -,             -,          UNKNOWN",
            "FAIL,    SUCCESS, -,             SUCCESS,    UNKNOWN"})
    void query(String returnCode, String resultCode, String errCode, String tradeState, Outcome expected) {
        assertThat(WechatMicropayCodes.ofQuery(returnCode, resultCode, errCode, tradeState)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "reverse {0}/{1}/{2}/recall={3} → {4}")
    @CsvSource(nullValues = "-", value = {
            "SUCCESS, SUCCESS, -,             N, SUCCESS",
            "SUCCESS, SUCCESS, -,             Y, UNKNOWN",
            "SUCCESS, SUCCESS, -,             -, UNKNOWN",
            "SUCCESS, FAIL,    USERPAYING,    N, UNKNOWN",
            "SUCCESS, FAIL,    SYSTEMERROR,   Y, UNKNOWN",
            "SUCCESS, FAIL,    ORDERNOTEXIST, N, UNKNOWN",
            "FAIL,    -,       -,             -, UNKNOWN",
            "FAIL,    SUCCESS, -,             N, UNKNOWN"})
    void reverse(String returnCode, String resultCode, String errCode, String recall, Outcome expected) {
        assertThat(WechatMicropayCodes.ofReverse(returnCode, resultCode, errCode, recall)).isEqualTo(expected);
    }
}
