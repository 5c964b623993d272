package io.paysuite.member.merchant;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Merchant and app id formats. A merchant id is {@code M} followed by digits; a generated one is
 * {@code M} + the merchant row's auto-increment number (from 10000001), assigned by the database.
 * An app id is 3-32 of {@code [A-Za-z0-9_]}; a generated one is {@code app_} + 16 lower-case hex
 * digits from a {@link SecureRandom} (64 bits: a collision is retried, not expected).
 */
public final class MerchantIds {

    static final Pattern MERCHANT_ID = Pattern.compile("M\\d{1,31}");
    static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9_]{3,32}");
    static final String APP_PREFIX = "app_";
    private static final int APP_RANDOM_BYTES = 8;

    private final SecureRandom random;

    public MerchantIds(SecureRandom random) {
        this.random = random;
    }

    public String newAppId() {
        byte[] bytes = new byte[APP_RANDOM_BYTES];
        random.nextBytes(bytes);
        return APP_PREFIX + HexFormat.of().formatHex(bytes);
    }

    public static boolean isMerchantId(String value) {
        return value != null && MERCHANT_ID.matcher(value).matches();
    }

    public static boolean isAppId(String value) {
        return value != null && APP_ID.matcher(value).matches();
    }
}
