package io.paysuite.cashier.page.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.ErrorCode;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class WalletRefusalsTest {

    @Test
    void aCardTopUpTheRiskRulesRefuseOrWantSteppedUpSaysNothingWasChargedInEnglishAndChinese() {
        for (ErrorCode code : new ErrorCode[] {ErrorCode.RISK_REJECTED, ErrorCode.RISK_STEP_UP_REQUIRED}) {
            WalletResult result = WalletActions.refused(Result.fail(code, "risk"), "topup");

            assertThat(result.status()).isEqualTo("FAILED");
            assertThat(result.messageKey()).isEqualTo("wallet.error." + code.code());
            assertThat(ResourceBundle.getBundle("messages", Locale.ROOT).getString(result.messageKey())).contains("Nothing was charged");
            assertThat(ResourceBundle.getBundle("messages", Locale.SIMPLIFIED_CHINESE).getString(result.messageKey())).contains("未扣款");
        }
    }
}
