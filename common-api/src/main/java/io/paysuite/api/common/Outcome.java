package io.paysuite.api.common;

import io.paysuite.api.error.ErrorCode;

/**
 * What a call that may move money came to, seen by its caller: it happened, it definitely did not,
 * or nobody knows yet. The one place that decides which answers leave the outcome unknown — every
 * caller asks here instead of comparing codes itself.
 *
 * <p>Unknown is never failure (a timeout may have moved the money): the caller keeps its order in
 * progress and queries, or retries under the same key, before deciding. A transport fault (the call
 * threw, timed out, or got no answer) is unknown; so are {@code SYSTEM_ERROR} and
 * {@code SERVICE_DEGRADED}, which say nothing about whether the callee acted. Every other error
 * code is a definite refusal: nothing was done.
 */
public enum Outcome {
    SUCCEEDED,
    FAILED,
    UNKNOWN;

    /** Whether an error code leaves the outcome unknown; a null code (no answer) is unknown. */
    public static boolean unknown(String code) {
        return code == null || ErrorCode.SYSTEM_ERROR.code().equals(code) || ErrorCode.SERVICE_DEGRADED.code().equals(code);
    }

    /** What a Dubbo answer came to; a null result (no answer) is unknown. */
    public static Outcome of(Result<?> result) {
        if (result == null) {
            return UNKNOWN;
        }
        if (result.success()) {
            return SUCCEEDED;
        }
        return unknown(result.code()) ? UNKNOWN : FAILED;
    }

    /** Whether a Dubbo answer is a definite refusal (failed, and known to have done nothing). */
    public static boolean definitelyFailed(Result<?> result) {
        return of(result) == FAILED;
    }
}
