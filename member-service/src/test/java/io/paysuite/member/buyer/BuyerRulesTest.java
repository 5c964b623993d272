package io.paysuite.member.buyer;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.RegisterBuyerCmd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BuyerRulesTest {

    private static RegisterBuyerCmd cmd(String phone, String password, String payPassword) {
        return new RegisterBuyerCmd(phone, password, payPassword, "Ann");
    }

    @Test
    void aWellFormedRegistrationPasses() {
        assertThatCode(() -> BuyerRules.checkRegistration(cmd("13800138000", "correct horse", "135790")))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12345", "123456789012345678901", "1380013800a", "+8613800138000", " 13800138000"})
    void phoneMustBeSixToTwentyDigits(String phone) {
        assertRefused(cmd(phone, "correct horse", "135790"), "phone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456", "12345678901234567890"})
    void phoneLengthBoundsAreInclusive(String phone) {
        assertThatCode(() -> BuyerRules.checkRegistration(cmd(phone, "correct horse", "135790")))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"short", "7chars!"})
    void passwordMustHaveAtLeastEightCharacters(String password) {
        assertRefused(cmd("13800138000", password, "135790"), "password");
    }

    @Test
    void passwordLongerThanBcryptReadsIsRefusedRatherThanSilentlyCut() {
        assertRefused(cmd("13800138000", "x".repeat(73), "135790"), "password");
        assertRefused(cmd("13800138000", "密".repeat(25), "135790"), "password"); // 75 UTF-8 bytes
        assertThatCode(() -> BuyerRules.checkRegistration(cmd("13800138000", "x".repeat(72), "135790")))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12345", "1234567", "12345a", "１２３４５６"})
    void payPasswordMustBeSixAsciiDigits(String payPassword) {
        assertRefused(cmd("13800138000", "correct horse", payPassword), "pay_password");
    }

    @Test
    void refusalNeverEchoesTheSecret() {
        assertThatThrownBy(() -> BuyerRules.checkRegistration(cmd("13800138000", "secret1", "135790")))
                .hasMessageNotContaining("secret1");
    }

    private static void assertRefused(RegisterBuyerCmd cmd, String field) {
        assertThatThrownBy(() -> BuyerRules.checkRegistration(cmd))
                .isInstanceOfSatisfying(BizException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(ErrorCode.PARAM_ERROR);
                    org.assertj.core.api.Assertions.assertThat(e.getMessage()).startsWith(field + " ");
                });
    }
}
