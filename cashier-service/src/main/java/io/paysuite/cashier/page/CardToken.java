package io.paysuite.cashier.page;

/** The token a posted card id stands for, or why that card cannot pay (shown on the form; nothing was charged). */
public sealed interface CardToken {

    record Found(String unionpayToken) implements CardToken {

        @Override
        public String toString() {
            return "CardToken.Found[…]"; // never the token
        }
    }

    record Refused(PayRefusal refusal) implements CardToken {
    }
}
