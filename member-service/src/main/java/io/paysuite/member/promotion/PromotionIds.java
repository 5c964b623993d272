package io.paysuite.member.promotion;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Template ids are {@code CT} and coupon ids {@code CP} followed by the row's auto-increment number
 * (both tables start at 10000001), e.g. {@code CP10000001}. Coupon ids can be guessed, so a coupon is
 * only ever used for the buyer it was issued to (Coupons checks the buyer on every use).
 */
public final class PromotionIds {

    private static final Pattern TEMPLATE = Pattern.compile("CT[1-9]\\d{0,17}");
    private static final Pattern COUPON = Pattern.compile("CP[1-9]\\d{0,17}");

    private PromotionIds() {
    }

    public static String template(long number) {
        return "CT" + number;
    }

    public static String coupon(long number) {
        return "CP" + number;
    }

    /** The number inside a template id, or empty when the text cannot be one (it never reaches SQL). */
    public static OptionalLong parseTemplate(String templateId) {
        return parse(templateId, TEMPLATE);
    }

    public static OptionalLong parseCoupon(String couponId) {
        return parse(couponId, COUPON);
    }

    private static OptionalLong parse(String id, Pattern format) {
        if (id == null || !format.matcher(id).matches()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(id.substring(2)));
    }
}
