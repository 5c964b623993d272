package io.paysuite.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BizExceptionTest {

    @Test
    void aRefusalOfOurOwnCarriesItsCodeBothWays() {
        BizException refused = new BizException(ErrorCode.TRADE_CLOSED, "trade T1 is closed");

        assertThat(refused.code()).isEqualTo(ErrorCode.TRADE_CLOSED);
        assertThat(refused.wireCode()).isEqualTo("TRADE_CLOSED");
        assertThat(refused).hasMessage("trade T1 is closed");
    }

    @Test
    void aCodePassedOnFromAnotherServiceIsKeptAsAnsweredEvenWhenThisBuildDoesNotKnowIt() {
        BizException passedOn = new BizException("CARD_EXPIRED", "card expired");

        assertThat(passedOn.wireCode()).isEqualTo("CARD_EXPIRED");
        assertThat(passedOn.code()).isEqualTo(ErrorCode.SYSTEM_ERROR);
    }

    @Test
    void aKnownCodePassedOnAsTextReadsAsItsErrorCode() {
        assertThat(new BizException("INSUFFICIENT_BALANCE", "x").code()).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
    }

    @Test
    void noCodeAtAllIsASystemError() {
        BizException blank = new BizException((String) null, "no answer");

        assertThat(blank.wireCode()).isEqualTo("SYSTEM_ERROR");
        assertThat(blank.code()).isEqualTo(ErrorCode.SYSTEM_ERROR);
    }
}
