package io.paysuite.cashier.api.error;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.dubbo.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The merchant edge's one error boundary: every refusal becomes docs/api/API.md's status and body with a
 * stable code; nothing else (no stack trace, no framework page) reaches a merchant.
 *
 * <p>A Dubbo timeout means the downstream call may have happened: {@code SYSTEM_ERROR} tells the
 * merchant to query before retrying. No provider at all means it certainly did not:
 * {@code SERVICE_DEGRADED}.
 */
@RestControllerAdvice(basePackages = {"io.paysuite.cashier.api", "io.paysuite.cashier.ops"})
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(BizException.class)
    public ResponseEntity<ErrorBody> refused(BizException e, HttpServletRequest request) {
        return of(e.code(), e.getMessage(), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return of(ErrorCode.INVALID_JSON, "the body is not valid JSON", request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<ErrorBody> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return of(ErrorCode.PARAM_ERROR, e.getParameterName() + " is required", request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return of(ErrorCode.PARAM_ERROR, "Content-Type must be application/json", request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<ErrorBody> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        ErrorBody body = new ErrorBody("METHOD_NOT_ALLOWED", e.getMethod() + " is not allowed here", RequestIds.of(request));
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(body);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    public ResponseEntity<ErrorBody> notFound(NoResourceFoundException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ErrorBody("NOT_FOUND", "no such endpoint", RequestIds.of(request)));
    }

    @ExceptionHandler(RpcException.class)
    public ResponseEntity<ErrorBody> rpc(RpcException e, HttpServletRequest request) {
        log.warn("downstream call failed request_id={} {}", RequestIds.of(request), e.toString());
        if (e.isTimeout()) {
            return of(ErrorCode.SYSTEM_ERROR, "a service did not answer in time; the outcome is unknown, query before retrying", request);
        }
        if (e.isNetwork() || e.isForbidden() || e.getCode() == RpcException.NO_INVOKER_AVAILABLE_AFTER_FILTER) {
            return of(ErrorCode.SERVICE_DEGRADED, "a service is unavailable; query before retrying", request);
        }
        return of(ErrorCode.SYSTEM_ERROR, "system error; the outcome is unknown, query before retrying", request);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ErrorBody> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected failure request_id={}", RequestIds.of(request), e);
        return of(ErrorCode.SYSTEM_ERROR, "system error; the outcome is unknown, query before retrying", request);
    }

    public static ResponseEntity<ErrorBody> of(ErrorCode code, String message, HttpServletRequest request) {
        return ResponseEntity.status(code.httpStatus()).body(new ErrorBody(code.code(), message, RequestIds.of(request)));
    }
}
