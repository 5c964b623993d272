package io.paysuite.cashier.api.error;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;

/** The id every answer carries (header {@code Request-ID} and {@code request_id} in errors), for support. */
public final class RequestIds {

    public static final String HEADER = "Request-ID";
    private static final String ATTRIBUTE = RequestIds.class.getName();

    private RequestIds() {
    }

    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        if (id == null) {
            id = UUID.randomUUID().toString().replace("-", "");
            request.setAttribute(ATTRIBUTE, id);
        }
        return (String) id;
    }
}
