package io.paysuite.cashier.page;

import io.paysuite.api.pay.PayMethod;

/**
 * The pay form shown again because pay-core's risk rules asked this payment to step up: the same method (and bound
 * card) chosen, the password field empty, and {@code refusedRequestNo} posted back as {@code step_up_of} so that the
 * next submission is that attempt's confirmation. Nothing here is trusted: pay-core checks that it did ask that
 * attempt of this trade and buyer.
 */
public record StepUpForm(String refusedRequestNo, PayMethod method, String cardId) {
}
