package io.paysuite.cashier.ops.audit;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What an endpoint tells the audit record about the object it changed: its state before and after, as the endpoint
 * read them. Kept on the request; the gate writes them into the audit line when the request ends.
 */
public final class AuditNotes {

    static final String BEFORE = AuditNotes.class.getName() + ".before";
    static final String AFTER = AuditNotes.class.getName() + ".after";

    private AuditNotes() {
    }

    public static void before(HttpServletRequest request, Object state) {
        request.setAttribute(BEFORE, state);
    }

    public static void after(HttpServletRequest request, Object state) {
        request.setAttribute(AFTER, state);
    }
}
