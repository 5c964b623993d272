package io.paysuite.accounting.wallet;

/**
 * The account number a withdrawal's payout is sent to. member-service keeps a bound card as a UnionPay
 * token and a masked number only, never the card number (docs/architecture.md, "Bank cards"), and the
 * payout channel's transfer wants 8–32 digits. So the payout names the card by a stable reference made
 * of what we do keep: the card id's digits followed by the card's real last four digits — unique per
 * card, and the last four (what a bank statement and the sandbox's outcome rules read) are the card's
 * own. A production payout to a tokenised card would ask the acquirer to pay the token instead; only
 * this class would change.
 */
public final class PayoutAccount {

    private PayoutAccount() {
    }

    public static String of(String cardId, String lastFour) {
        if (cardId == null || !cardId.matches("C\\d{1,27}") || lastFour == null || !lastFour.matches("\\d{4}")) {
            throw new IllegalArgumentException("card " + cardId + " has no usable reference");
        }
        String digits = cardId.substring(1);
        String account = digits + lastFour;
        return account.length() >= 8 ? account : "0".repeat(8 - account.length()) + account;
    }

    /** The last four digits of a masked number such as {@code 6222 **** **** 0000}, or null. */
    public static String lastFour(String maskedPan) {
        if (maskedPan == null) {
            return null;
        }
        String digits = maskedPan.replaceAll(".*?(\\d{4})\\s*$", "$1");
        return digits.matches("\\d{4}") ? digits : null;
    }
}
