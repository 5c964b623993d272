package io.paysuite.pay.order;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import org.junit.jupiter.api.Test;

class PayRulesTest {

    static final String TRADE = "T1234567890123456789012345";

    @Test
    void aStepUpNamesAnEarlierAttemptOfAPasswordPayment() {
        PayCmd balance = new PayCmd(TRADE, "U1", PayMethod.BALANCE, "135790", "REQ-000002");

        assertThatCode(() -> PayRules.check(balance.withStepUpOf("REQ-000001"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> PayRules.check(balance.withStepUpOf("REQ-000002"))).hasMessageContaining("step_up_of");
        assertThatThrownBy(() -> PayRules.check(balance.withStepUpOf("no spaces allowed"))).hasMessageContaining("step_up_of");
        assertThatThrownBy(() -> PayRules.check(new PayCmd(TRADE, "U1", PayMethod.ALIPAY_QR, null, "REQ-000002")
                .withStepUpOf("REQ-000001"))).as("a QR payment has no Paysuite password to step up with")
                .hasMessageContaining("step_up_of");
    }
}
