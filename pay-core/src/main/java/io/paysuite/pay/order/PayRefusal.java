package io.paysuite.pay.order;

/**
 * Stable pay-core refusal codes that {@link io.paysuite.api.error.ErrorCode} does not have yet.
 * TODO(common-api owner): move them into ErrorCode and throw BizException instead.
 */
public final class PayRefusal extends RuntimeException {

    public static final String PAY_ORDER_NOT_FOUND = "PAY_ORDER_NOT_FOUND";
    public static final String REQUEST_NO_USED = "REQUEST_NO_USED";

    private final String code;

    public PayRefusal(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
