package io.paysuite.cashier.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import org.junit.jupiter.api.Test;

class MerchantAuthorizationTest {

    static final String GOOD = "PAYSUITE-SHA256-RSA2048 app_id=\"app_demo\",serial_no=\"S1\",timestamp=\"1700000000\","
            + "nonce_str=\"0123456789abcdef\",signature=\"c2ln\"";

    @Test
    void parsesTheHeaderOfApiMd() {
        MerchantAuthorization auth = MerchantAuthorization.parse(GOOD);
        assertThat(auth.appId()).isEqualTo("app_demo");
        assertThat(auth.serialNo()).isEqualTo("S1");
        assertThat(auth.timestamp()).isEqualTo(1_700_000_000L);
        assertThat(auth.nonce()).isEqualTo("0123456789abcdef");
        assertThat(auth.message("POST", "/api/v1/trades", "{}"))
                .isEqualTo("POST\n/api/v1/trades\n1700000000\n0123456789abcdef\n{}\n");
    }

    @Test
    void refusesOtherSchemesMissingFieldsDuplicatesAndBadNonces() {
        for (String header : new String[] {
                null, "Bearer x", GOOD.replace("PAYSUITE-SHA256-RSA2048", "WECHATPAY2-SHA256-RSA2048"),
                GOOD.replace(",signature=\"c2ln\"", ""),
                GOOD + ",app_id=\"other\"",
                GOOD.replace("0123456789abcdef", "short"),
                GOOD.replace("0123456789abcdef", "0123456789abcdef0123456789abcdef0"),
                GOOD.replace("1700000000", "soon"),
                GOOD + " trailing"}) {
            assertThatThrownBy(() -> MerchantAuthorization.parse(header))
                    .as(String.valueOf(header))
                    .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SIGN_ERROR));
        }
    }
}
