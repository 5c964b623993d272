package io.paysuite.cashier.api.error;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;

/** A Dubbo {@link Result} as the data it carries, or its refusal as a {@link BizException}. */
public final class Results {

    private Results() {
    }

    public static <T> T unwrap(Result<T> result) {
        if (result == null) {
            throw new BizException(ErrorCode.SYSTEM_ERROR, "no answer; the outcome is unknown, query before retrying");
        }
        if (result.success()) {
            return result.data();
        }
        throw new BizException(codeOf(result.code()), result.message());
    }

    static ErrorCode codeOf(String code) {
        try {
            return ErrorCode.valueOf(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            return ErrorCode.SYSTEM_ERROR;
        }
    }
}
