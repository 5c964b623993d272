package io.paysuite.trade.order;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * trade-core's single error boundary, used by every Dubbo provider: a {@link BizException}
 * becomes {@code Result.fail(code)}, an overflowing amount {@code PARAM_ERROR}, anything else is
 * logged with its stack trace and answered {@code SYSTEM_ERROR} (the outcome may be unknown: the
 * caller queries before retrying).
 */
public final class ErrorBoundary {

    private static final Logger log = LoggerFactory.getLogger(ErrorBoundary.class);

    private ErrorBoundary() {
    }

    /** @param operation {@code Service.method}, for the log */
    public static <T> Result<T> answer(String operation, Supplier<T> work) {
        return answerOutcome(operation, () -> Outcome.fresh(work.get()));
    }

    /** Like {@link #answer}, telling an idempotent repeat ({@link Result#repeated}) from a first success. */
    public static <T> Result<T> answerOutcome(String operation, Supplier<Outcome<T>> work) {
        try {
            Outcome<T> outcome = work.get();
            return outcome.repeated() ? Result.repeated(outcome.value()) : Result.ok(outcome.value());
        } catch (BizException refused) {
            return Result.fail(refused.code(), refused.getMessage());
        } catch (ArithmeticException overflow) {
            return Result.fail(ErrorCode.PARAM_ERROR, "amount out of range");
        } catch (RuntimeException fault) {
            log.error("{} failed with a system error", operation, fault);
            return Result.fail(ErrorCode.SYSTEM_ERROR, "system error; query before retrying");
        }
    }
}
