package io.paysuite.cashier.api.error;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Dubbo {@link Result} as the data it carries, or its refusal as a {@link BizException}. */
public final class Results {

    private static final Logger log = LoggerFactory.getLogger(Results.class);

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

    /**
     * The code another service answered, as this build knows it ({@link ErrorCode#fromWire}): the merchant
     * cannot be told a code the API does not document, so an unknown one is told {@code SYSTEM_ERROR}.
     */
    static ErrorCode codeOf(String code) {
        ErrorCode known = ErrorCode.fromWire(code);
        if (known == ErrorCode.SYSTEM_ERROR && !ErrorCode.SYSTEM_ERROR.code().equals(code)) {
            log.warn("a service answered an error code this build does not know: {}", code);
        }
        return known;
    }
}
