package io.paysuite.cashier.api.error;

import io.paysuite.kit.trace.CurrentTrace;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;

/**
 * The id every answer carries (header {@code Request-ID} and {@code request_id} in errors), for support:
 * the W3C trace id of the request, so the id a merchant quotes finds that request's lines in every
 * service's log and its steps in the ops trail. A request outside any trace (tracing turned off) gets a
 * random id of the same shape. Read once per request and kept, so the header and the error body agree.
 */
public final class RequestIds {

    public static final String HEADER = "Request-ID";
    private static final String ATTRIBUTE = RequestIds.class.getName();

    private RequestIds() {
    }

    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        if (id == null) {
            String traceId = CurrentTrace.traceId();
            id = traceId != null ? traceId : UUID.randomUUID().toString().replace("-", "");
            request.setAttribute(ATTRIBUTE, id);
        }
        return (String) id;
    }
}
