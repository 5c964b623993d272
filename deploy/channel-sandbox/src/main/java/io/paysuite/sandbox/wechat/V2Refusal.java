package io.paysuite.sandbox.wechat;

/**
 * A v2 answer with {@code return_code=SUCCESS} and {@code result_code=FAIL}: the call was understood and signed, the
 * business said no ({@code err_code}, {@code err_code_des}).
 */
final class V2Refusal extends RuntimeException {

    final String errCode;

    V2Refusal(String errCode, String description) {
        super(description);
        this.errCode = errCode;
    }

    static V2Refusal paramError(String description) {
        return new V2Refusal("PARAM_ERROR", description);
    }
}
