package io.paysuite.accounting.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.ledger.FeeRateCmd;
import org.junit.jupiter.api.Test;

class MerchantFeeRateChangesTest {

    final OneFeeRate store = new OneFeeRate();
    final MerchantFeeRates rates = new MerchantFeeRates(store);

    @Test
    void theRateReadIsTheDefaultUntilOneIsSetAndThenTheOneSet() {
        assertThat(rates.of("M1")).isEqualTo(60);

        assertThat(rates.set(new FeeRateCmd("M1", 38))).isEqualTo(38);

        assertThat(rates.of("M1")).isEqualTo(38);
    }

    @Test
    void aReadNeedsAMerchant() {
        assertThatThrownBy(() -> rates.of(" ")).isInstanceOf(RuntimeException.class);
    }
}
