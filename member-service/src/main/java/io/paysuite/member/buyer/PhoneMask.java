package io.paysuite.member.buyer;

/**
 * How a phone number is shown to callers: mainland mobile numbers the way Chinese apps show them
 * ({@code 138****5678}: carrier prefix and last four); shorter numbers keep only the last two
 * digits, so at least half of any number is hidden.
 */
final class PhoneMask {

    private static final int MOBILE_LENGTH = 11;

    private PhoneMask() {
    }

    static String mask(String phone) {
        int n = phone.length();
        if (n >= MOBILE_LENGTH) {
            return phone.substring(0, 3) + "*".repeat(n - 7) + phone.substring(n - 4);
        }
        return "*".repeat(n - 2) + phone.substring(n - 2);
    }
}
