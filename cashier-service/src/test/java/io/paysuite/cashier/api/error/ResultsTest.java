package io.paysuite.cashier.api.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import org.junit.jupiter.api.Test;

class ResultsTest {

    @Test
    void aKnownRefusalKeepsItsCodeAndMessage() {
        assertThatThrownBy(() -> Results.unwrap(Result.fail(ErrorCode.TRADE_CLOSED, "closed")))
                .isInstanceOfSatisfying(BizException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TRADE_CLOSED);
                    assertThat(e.getMessage()).isEqualTo("closed");
                });
    }

    @Test
    void aCodeThisBuildDoesNotKnowIsAnsweredAsASystemErrorNotAnException() {
        assertThat(Results.codeOf("CODE_FROM_A_NEWER_SERVICE")).isEqualTo(ErrorCode.SYSTEM_ERROR);
        assertThat(Results.codeOf(null)).isEqualTo(ErrorCode.SYSTEM_ERROR);
        assertThatThrownBy(() -> Results.unwrap(Result.fail("CODE_FROM_A_NEWER_SERVICE", "new")))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SYSTEM_ERROR));
    }

    @Test
    void everyCodeOfThisBuildIsItself() {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(Results.codeOf(code.code())).isEqualTo(code);
        }
    }

    @Test
    void noAnswerIsAnUnknownOutcome() {
        assertThatThrownBy(() -> Results.unwrap(null))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SYSTEM_ERROR));
    }
}
