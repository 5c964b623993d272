package io.paysuite.cashier.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormGuardTest {

    private final FormGuard guard = new FormGuard(PageKeys.derive(BuyerSessionsTest.SECRET, PageKeys.CSRF));

    @Test
    void theFieldOfAFormRenderedForASessionIsAcceptedFromThatSession() {
        String field = guard.fieldFor("v1.U1.T1.100.mac", "token-a");

        assertThat(guard.accepts(field, "v1.U1.T1.100.mac", "token-a")).isTrue();
    }

    @Test
    void theFieldIsRefusedFromAnotherSessionOrOnAnotherPage() {
        String field = guard.fieldFor("v1.U1.T1.100.mac", "token-a");

        assertThat(guard.accepts(field, "v1.U2.T1.100.mac2", "token-a")).isFalse();
        assertThat(guard.accepts(field, "v1.U1.T1.100.mac", "token-b")).isFalse();
    }

    @Test
    void aMissingOrForgedFieldIsRefused() {
        String field = guard.fieldFor("v1.U1.T1.100.mac", "token-a");

        assertThat(guard.accepts(null, "v1.U1.T1.100.mac", "token-a")).isFalse();
        assertThat(guard.accepts("", "v1.U1.T1.100.mac", "token-a")).isFalse();
        assertThat(guard.accepts(field, null, "token-a")).isFalse();
        assertThat(guard.accepts(field.substring(1) + "A", "v1.U1.T1.100.mac", "token-a")).isFalse();
    }

    @Test
    void anotherSecretMakesAnotherField() {
        byte[] other = BuyerSessionsTest.SECRET.clone();
        other[31] = 1;
        FormGuard elsewhere = new FormGuard(PageKeys.derive(other, PageKeys.CSRF));

        assertThat(elsewhere.accepts(guard.fieldFor("s", "t"), "s", "t")).isFalse();
    }
}
