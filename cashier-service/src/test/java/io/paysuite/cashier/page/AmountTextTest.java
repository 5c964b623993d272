package io.paysuite.cashier.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.money.Money;
import org.junit.jupiter.api.Test;

class AmountTextTest {

    @Test
    void yuanAreShownWithTheirSignAndTwoDecimals() {
        assertThat(AmountText.of(Money.cny(1234))).isEqualTo("¥12.34");
        assertThat(AmountText.of(Money.cny(1))).isEqualTo("¥0.01");
        assertThat(AmountText.of(Money.cny(100))).isEqualTo("¥1.00");
        assertThat(AmountText.of(Money.cny(0))).isEqualTo("¥0.00");
    }

    @Test
    void largeAmountsKeepEveryDigit() {
        assertThat(AmountText.of(Money.cny(Long.MAX_VALUE))).isEqualTo("¥92233720368547758.07");
    }

    @Test
    void otherCurrenciesUseTheirCodeAndTheirOwnMinorUnits() {
        assertThat(AmountText.of(Money.of(150, "USD"))).isEqualTo("USD 1.50");
        assertThat(AmountText.of(Money.of(150, "JPY"))).isEqualTo("JPY 150");
    }
}
