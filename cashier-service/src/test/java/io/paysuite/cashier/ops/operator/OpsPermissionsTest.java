package io.paysuite.cashier.ops.operator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpsPermissionsTest {

    @ParameterizedTest(name = "{0} {1} needs {2}")
    @CsvSource({
            "GET, /ops/api/v1/trades/T1/trail, VIEWER",
            "GET, /ops/api/v1/notifications, VIEWER",
            "GET, /ops/api/v1/audit, VIEWER",
            "GET, /ops/api/v1/rules/routing, VIEWER",
            "GET, /ops/api/v1/merchants/M1/settlement-terms, VIEWER",
            "GET, /ops/api/v1/operators, ADMIN",
            "POST, /ops/api/v1/notifications/E1/resend, OPERATOR",
            "POST, /ops/api/v1/reconciliations/differences/7/resolve, OPERATOR",
            "POST, /ops/api/v1/reconciliations, OPERATOR",
            "POST, /ops/api/v1/settlements/runs, OPERATOR",
            "POST, /ops/api/v1/ledger/adjustments, OPERATOR",
            "POST, /ops/api/v1/some-endpoint-added-later, OPERATOR",
            "POST, /ops/api/v1/merchants, ADMIN",
            "PUT, /ops/api/v1/merchants/M1/settlement-terms, ADMIN",
            "POST, /ops/api/v1/operators, ADMIN",
            "POST, /ops/api/v1/operators/alice, ADMIN",
            "PUT, /ops/api/v1/rules/routing, ADMIN",
            "POST, /ops/api/v1/rules/routing/preview, ADMIN",
            "PUT, /ops/api/v1/risk/rules, ADMIN",
            "PUT, /ops/api/v1/risk/lists/lists/buyers, ADMIN",
            "GET, /ops/api/v1/risk/lists, VIEWER",
            "GET, /ops/api/v1/risk/decisions, VIEWER",
            "GET, /ops/api/v1/dashboard/channels, VIEWER",
            "POST, /ops/api/v1/merchantsx, OPERATOR"
    })
    void eachOpsRequestNeedsItsRole(String method, String path, OperatorRole role) {
        assertThat(OpsPermissions.required(method, path)).isEqualTo(role);
    }

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
            "VIEWER, VIEWER, true", "VIEWER, OPERATOR, false", "VIEWER, ADMIN, false",
            "OPERATOR, VIEWER, true", "OPERATOR, OPERATOR, true", "OPERATOR, ADMIN, false",
            "ADMIN, VIEWER, true", "ADMIN, OPERATOR, true", "ADMIN, ADMIN, true"
    })
    void eachRoleCoversTheOnesBelowIt(OperatorRole held, OperatorRole required, boolean covers) {
        assertThat(held.covers(required)).isEqualTo(covers);
    }

    @ParameterizedTest
    @CsvSource({"GET, false", "HEAD, false", "OPTIONS, false", "POST, true", "PUT, true", "DELETE, true", "PATCH, true"})
    void everythingButReadingCountsAsAChange(String method, boolean changes) {
        assertThat(OpsPermissions.changes(method)).isEqualTo(changes);
    }
}
