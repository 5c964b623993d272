package io.paysuite.api.common;

import io.paysuite.api.error.ErrorCode;
import java.io.Serializable;

/**
 * What every Dubbo method answers: the data on success, or a stable error code and a human
 * message. Exceptions never cross a service boundary (a stack trace is not an API).
 */
public record Result<T>(boolean success, String code, String message, T data) implements Serializable {

    /** The code of {@link #repeated(Object)}. */
    public static final String REPEATED = "REPEATED";

    public static <T> Result<T> ok(T data) {
        return new Result<>(true, "SUCCESS", null, data);
    }

    /**
     * Success for an idempotent repeat: the data is what the first request produced, and nothing
     * new happened (the open API answers 200 instead of 201).
     */
    public static <T> Result<T> repeated(T data) {
        return new Result<>(true, REPEATED, null, data);
    }

    /** Whether this success answers a repeat of an earlier request. */
    public boolean repeated() {
        return success && REPEATED.equals(code);
    }

    public static <T> Result<T> fail(ErrorCode code, String message) {
        return new Result<>(false, code.code(), message, null);
    }

    public static <T> Result<T> fail(String code, String message) {
        return new Result<>(false, code, message, null);
    }
}
