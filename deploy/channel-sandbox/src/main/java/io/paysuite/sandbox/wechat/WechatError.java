package io.paysuite.sandbox.wechat;

import org.springframework.http.HttpStatus;

/** A WeChat Pay API v3 error answer: the HTTP status and the body {@code {"code","message"}}. */
final class WechatError extends RuntimeException {

    final HttpStatus status;
    final String code;

    WechatError(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static WechatError paramError(String message) {
        return new WechatError(HttpStatus.BAD_REQUEST, "PARAM_ERROR", message);
    }

    static WechatError invalidRequest(String message) {
        return new WechatError(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", message);
    }

    static WechatError signError(String message) {
        return new WechatError(HttpStatus.UNAUTHORIZED, "SIGN_ERROR", message);
    }

    static WechatError noAuth(String message) {
        return new WechatError(HttpStatus.FORBIDDEN, "NO_AUTH", message);
    }

    static WechatError systemError(String message) {
        return new WechatError(HttpStatus.INTERNAL_SERVER_ERROR, "SYSTEM_ERROR", message);
    }

    static WechatError orderNotExist() {
        return new WechatError(HttpStatus.NOT_FOUND, "ORDER_NOT_EXIST", "订单不存在");
    }

    static WechatError resourceNotExists(String message) {
        return new WechatError(HttpStatus.NOT_FOUND, "RESOURCE_NOT_EXISTS", message);
    }

    static WechatError orderPaid() {
        return new WechatError(HttpStatus.BAD_REQUEST, "ORDERPAID", "该订单已支付");
    }

    static WechatError orderClosed() {
        return new WechatError(HttpStatus.BAD_REQUEST, "ORDER_CLOSED", "订单已关闭");
    }

    /**
     * A definite business refusal named by a fault rule's {@code code}: 400 for the codes WeChat answers with 400
     * (PARAM_ERROR, INVALID_REQUEST), otherwise 403 like WeChat's business refusals (NO_AUTH, NOT_ENOUGH, …).
     */
    static WechatError refusal(String code) {
        HttpStatus status = "PARAM_ERROR".equals(code) || "INVALID_REQUEST".equals(code) ? HttpStatus.BAD_REQUEST : HttpStatus.FORBIDDEN;
        return new WechatError(status, code, "sandbox fault: refused with " + code);
    }
}
