package io.paysuite.cashier.ops.operator;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is making an ops request, as the gate established it: a logged-in operator, or the holder of the ops bearer
 * token — machines (the ITs, the launcher, scripts) acting as the system operator {@code ops-token} with every right.
 *
 * @param csrfToken the session's synchronizer token; none for the bearer token (a header a browser never sends on
 *                  its own, so it cannot be forged across sites)
 */
public record OpsPrincipal(String name, OperatorRole role, boolean system, String csrfToken) {

    public static final String TOKEN_HOLDER = "ops-token";
    public static final OpsPrincipal TOKEN = new OpsPrincipal(TOKEN_HOLDER, OperatorRole.ADMIN, true, null);
    static final String ATTRIBUTE = OpsPrincipal.class.getName();

    public static OpsPrincipal person(Operator operator, OpsSession session) {
        return new OpsPrincipal(operator.loginName(), operator.role(), false, session.csrfToken());
    }

    public void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** The principal the gate attached; the ops API never runs without one. */
    public static OpsPrincipal of(HttpServletRequest request) {
        Object attached = request.getAttribute(ATTRIBUTE);
        if (attached instanceof OpsPrincipal principal) {
            return principal;
        }
        throw new IllegalStateException("no ops principal on " + request.getRequestURI() + ": the ops gate did not run");
    }

    /**
     * The name recorded as having done something (a resolution, a settlement run, an adjustment): a logged-in operator
     * is who the login says, whatever the request claims; the token's holder is {@code ops-token}, or
     * {@code ops-token:<claimed>} when the calling script names a person (the token authenticates, the claim only
     * says who was at the keyboard).
     */
    public String recordedAs(String claimed) {
        if (!system) {
            return name;
        }
        if (claimed == null || claimed.isBlank()) {
            return TOKEN_HOLDER;
        }
        String clean = claimed.strip().replaceAll("[^A-Za-z0-9@._-]", "_");
        return TOKEN_HOLDER + ":" + (clean.length() > 64 ? clean.substring(0, 64) : clean);
    }
}
