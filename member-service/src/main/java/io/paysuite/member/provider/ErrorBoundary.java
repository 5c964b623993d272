package io.paysuite.member.provider;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * member-service's single error boundary, shared by its two Dubbo providers: a
 * {@link BizException} becomes {@code Result.fail(code)}; anything else is logged with its stack
 * trace and answered as {@code SYSTEM_ERROR} (the outcome may be unknown: repeat the idempotent
 * call or read before acting). Arguments are never logged here: they may carry passwords.
 */
final class ErrorBoundary {

    private static final Logger log = LoggerFactory.getLogger(ErrorBoundary.class);

    private ErrorBoundary() {
    }

    static <T> Result<T> answer(String operation, Supplier<T> work) {
        try {
            return Result.ok(work.get());
        } catch (BizException refused) {
            return Result.fail(refused.code(), refused.getMessage());
        } catch (RuntimeException fault) {
            log.error("{} failed with a system error", operation, fault);
            return Result.fail(ErrorCode.SYSTEM_ERROR, "system error; repeat the request or read before retrying");
        }
    }
}
