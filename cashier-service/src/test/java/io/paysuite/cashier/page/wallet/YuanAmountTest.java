package io.paysuite.cashier.page.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.money.Money;
import org.junit.jupiter.api.Test;

class YuanAmountTest {

    @Test
    void yuanWithUpToTwoDecimalsAreMinorUnitsByTheirDigits() {
        assertThat(YuanAmount.parse("12.80")).contains(Money.cny(1280));
        assertThat(YuanAmount.parse("12.8")).contains(Money.cny(1280));
        assertThat(YuanAmount.parse(" 12 ")).contains(Money.cny(1200));
        assertThat(YuanAmount.parse("0.01")).contains(Money.cny(1));
        assertThat(YuanAmount.parse("999999999.99")).contains(Money.cny(99_999_999_999L));
    }

    @Test
    void anythingElseIsNotAnAmount() {
        for (String text : new String[] {null, "", "0", "0.00", "-1", "1.234", "1,000", "1e3", "12.", ".5", "¥12", "1000000000"}) {
            assertThat(YuanAmount.parse(text)).as(text).isEmpty();
        }
    }
}
