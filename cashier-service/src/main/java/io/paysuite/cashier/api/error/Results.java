package io.paysuite.cashier.api.error;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Dubbo {@link Result} as the data it carries, or its refusal as a {@link BizException}. */
public final class Results {

    private static final Logger log = LoggerFactory.getLogger(Results.class);

    private static final Map<String, ErrorCode> CODES = Arrays.stream(ErrorCode.values())
            .collect(Collectors.toUnmodifiableMap(ErrorCode::code, Function.identity()));

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
     * The code another service answered, as this build knows it. A service deployed ahead of this one
     * may answer a code this build's {@link ErrorCode} lacks (or none at all): the merchant cannot be
     * told a code the API does not document, so it is told {@code SYSTEM_ERROR} — "query before
     * retrying" is never wrong, whatever the callee did.
     */
    static ErrorCode codeOf(String code) {
        ErrorCode known = code == null ? null : CODES.get(code);
        if (known == null) {
            log.warn("a service answered an error code this build does not know: {}", code);
            return ErrorCode.SYSTEM_ERROR;
        }
        return known;
    }
}
