package io.paysuite.cashier.ops.operator;

import java.util.List;

/**
 * The role each ops request needs. Reading is for viewers; a change is for operators; a change to who may do what or
 * how money is routed — merchants and their keys and terms, operators, routing and risk rules — is for admins, and so
 * is reading the operators. One table for the whole API, so a new endpoint is covered the day it is added (a change
 * anywhere under {@code /ops/api/v1} needs at least an operator).
 */
public final class OpsPermissions {

    private static final String API = "/ops/api/v1";
    private static final List<String> ADMIN_CHANGES = List.of("/merchants", "/operators", "/rules", "/risk/rules", "/risk/lists");
    private static final List<String> ADMIN_READS = List.of("/operators");

    private OpsPermissions() {
    }

    public static OperatorRole required(String method, String path) {
        String within = path.startsWith(API) ? path.substring(API.length()) : path;
        boolean reads = "GET".equals(method) || "HEAD".equals(method);
        List<String> adminOnly = reads ? ADMIN_READS : ADMIN_CHANGES;
        for (String prefix : adminOnly) {
            if (within.equals(prefix) || within.startsWith(prefix + "/")) {
                return OperatorRole.ADMIN;
            }
        }
        return reads ? OperatorRole.VIEWER : OperatorRole.OPERATOR;
    }

    /** Whether the request changes something (and so needs a CSRF token from a browser and an audit record). */
    public static boolean changes(String method) {
        return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
    }
}
