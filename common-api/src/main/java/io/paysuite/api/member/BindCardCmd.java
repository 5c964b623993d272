package io.paysuite.api.member;

import java.io.Serializable;

/**
 * Bind a bank card to a buyer with the token UnionPay issued for it. Idempotent on
 * ({@code buyerId}, {@code unionpayToken}).
 *
 * @param unionpayToken the ACP token (8–64 of {@code [0-9A-Za-z]}); never shown to pages or logged
 * @param maskedPan     the card number as it may be shown, e.g. {@code 6222 **** **** 0000}: three to
 *                      five groups of four separated by single spaces, asterisks in the middle, the
 *                      first group digits or asterisks, the last group the card's last four digits
 * @param bankName      the issuing bank as the buyer knows it, 1–32 characters
 */
public record BindCardCmd(String buyerId, String unionpayToken, String maskedPan, String bankName, CardType cardType)
        implements Serializable {

    @Override
    public String toString() {
        return "BindCardCmd[buyerId=" + buyerId + ", maskedPan=" + maskedPan + ", bankName=" + bankName
                + ", cardType=" + cardType + "]"; // never the token
    }
}
