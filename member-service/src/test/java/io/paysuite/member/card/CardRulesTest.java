package io.paysuite.member.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.BindCardCmd;
import io.paysuite.api.member.CardType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CardRulesTest {

    private static final String TOKEN = "TOKEN6200000000000000";

    private static BindCardCmd cmd(String token, String maskedPan, String bankName, CardType type) {
        return new BindCardCmd("U10000001", token, maskedPan, bankName, type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"6222 **** **** 0000", "**** **** **** 0000", "6222 **** 0000", "6222 **** **** **** 1234"})
    void wellFormedMaskedNumbersPass(String maskedPan) {
        assertThatCode(() -> CardRules.checkBinding(cmd(TOKEN, maskedPan, "ICBC", CardType.DEBIT))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"6222021234560000", "6222 0212 3456 0000", "622202 **** 0000", "6222 **** **** 000",
            "6222  **** **** 0000", "6222-****-****-0000", "6222 **** **** 0000 ", "6222 **** **** **** **** 0000"})
    void aFullOrOddlyMaskedCardNumberIsRefused(String maskedPan) {
        assertRefused(cmd(TOKEN, maskedPan, "ICBC", CardType.DEBIT), "masked_pan");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Abc12345", "TOKEN6200000000000000"})
    void tokensAreEightToSixtyFourLettersOrDigits(String token) {
        assertThatCode(() -> CardRules.checkBinding(cmd(token, "6222 **** **** 0000", "ICBC", CardType.DEBIT)))
                .doesNotThrowAnyException();
    }

    @Test
    void theTokenLengthBoundsAreInclusive() {
        assertThatCode(() -> CardRules.checkBinding(cmd("x".repeat(64), "6222 **** **** 0000", "ICBC", CardType.DEBIT)))
                .doesNotThrowAnyException();
        assertRefused(cmd("x".repeat(65), "6222 **** **** 0000", "ICBC", CardType.DEBIT), "unionpay_token");
    }

    /** Shorter than eight: pay-core would refuse to charge it, so it is never bound. */
    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1234567", "TOKEN-62000000", "TOKEN 6200000", "TOKEN62０００００"})
    void otherTokensAreRefused(String token) {
        assertRefused(cmd(token, "6222 **** **** 0000", "ICBC", CardType.DEBIT), "unionpay_token");
    }

    @Test
    void aRefusedTokenIsNeverEchoed() {
        assertThatThrownBy(() -> CardRules.checkBinding(cmd("SECRET-TOKEN-1", "6222 **** **** 0000", "ICBC", CardType.DEBIT)))
                .hasMessageNotContaining("SECRET");
    }

    @Test
    void bankNameAndCardTypeAreRequired() {
        assertRefused(cmd(TOKEN, "6222 **** **** 0000", " ", CardType.DEBIT), "bank_name");
        assertRefused(cmd(TOKEN, "6222 **** **** 0000", "银".repeat(33), CardType.DEBIT), "bank_name");
        assertThatCode(() -> CardRules.checkBinding(cmd(TOKEN, "6222 **** **** 0000", "中国工商银行", CardType.CREDIT)))
                .doesNotThrowAnyException();
        assertRefused(cmd(TOKEN, "6222 **** **** 0000", "ICBC", null), "card_type");
        assertRefused(new BindCardCmd(null, TOKEN, "6222 **** **** 0000", "ICBC", CardType.DEBIT), "buyer_id");
    }

    private static void assertRefused(BindCardCmd cmd, String field) {
        assertThatThrownBy(() -> CardRules.checkBinding(cmd))
                .isInstanceOfSatisfying(BizException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PARAM_ERROR);
                    assertThat(e.getMessage()).startsWith(field + " ");
                });
    }
}
