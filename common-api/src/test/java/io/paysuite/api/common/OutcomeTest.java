package io.paysuite.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.error.ErrorCode;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void onlyFaultsThatSayNothingLeaveTheOutcomeUnknown() {
        for (ErrorCode code : ErrorCode.values()) {
            boolean expected = code == ErrorCode.SYSTEM_ERROR || code == ErrorCode.SERVICE_DEGRADED;
            assertThat(Outcome.unknown(code.code())).as(code.code()).isEqualTo(expected);
        }
        assertThat(Outcome.unknown(null)).isTrue();
    }

    @Test
    void aResultIsSucceededFailedOrUnknown() {
        assertThat(Outcome.of(Result.ok("x"))).isEqualTo(Outcome.SUCCEEDED);
        assertThat(Outcome.of(Result.repeated("x"))).isEqualTo(Outcome.SUCCEEDED);
        assertThat(Outcome.of(Result.fail(ErrorCode.INSUFFICIENT_BALANCE, "no"))).isEqualTo(Outcome.FAILED);
        assertThat(Outcome.of(Result.fail(ErrorCode.SYSTEM_ERROR, "?"))).isEqualTo(Outcome.UNKNOWN);
        assertThat(Outcome.of(Result.fail(ErrorCode.SERVICE_DEGRADED, "?"))).isEqualTo(Outcome.UNKNOWN);
        assertThat(Outcome.of(null)).isEqualTo(Outcome.UNKNOWN);
        assertThat(Outcome.definitelyFailed(Result.fail(ErrorCode.TRADE_PAID, "paid"))).isTrue();
        assertThat(Outcome.definitelyFailed(Result.fail(ErrorCode.SYSTEM_ERROR, "?"))).isFalse();
    }
}
