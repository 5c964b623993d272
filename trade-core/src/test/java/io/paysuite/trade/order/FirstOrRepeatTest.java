package io.paysuite.trade.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.common.Result;
import org.junit.jupiter.api.Test;

class FirstOrRepeatTest {

    @Test
    void aFirstRequestAnswersOkSoTheMerchantEdgeSays201() {
        Result<String> answer = FirstOrRepeat.first("T1").toResult();

        assertThat(answer).isEqualTo(Result.ok("T1"));
        assertThat(answer.repeated()).isFalse();
    }

    @Test
    void aRepeatAnswersTheFirstResultAsRepeatedSoTheMerchantEdgeSays200() {
        Result<String> answer = FirstOrRepeat.repeat("T1").toResult();

        assertThat(answer).isEqualTo(Result.repeated("T1"));
        assertThat(answer.repeated()).isTrue();
    }
}
