package io.paysuite.deploy.launcher;

import io.paysuite.deploy.infra.Infrastructure;

/** What the local run prints once everything is healthy. */
final class SuiteBanner {

    private SuiteBanner() {
    }

    static String render(Suite suite, double secondsToHealthy) {
        Infrastructure infra = suite.infra();
        StringBuilder out = new StringBuilder();
        out.append("\n==================== Paysuite is up (").append(String.format("%.1f", secondsToHealthy))
                .append(" s from command to all healthy) ====================\n");
        out.append(String.format("  %-20s %s%n", "registry", RegistryOverride.printable(infra.registryAddress())));
        out.append(String.format("  %-20s %s%n", "database", infra.database().jdbcUrl("") + " (" + infra.database().kind() + ", user "
                + infra.database().username() + ")"));
        out.append(String.format("  %-20s %s%n", "rocketmq namesrv", infra.namesrvAddress()));
        out.append(String.format("  %-20s %s%n", "seata", infra.seataAddress()));
        out.append(String.format("  %-20s %s%n", "channel sandbox", suite.sandbox().baseUri() + "/sandbox/v1"));
        for (ServiceId id : ServiceId.values()) {
            ServiceProcess p = suite.service(id);
            out.append(String.format("  %-20s %s  dubbo 127.0.0.1:%d  metrics %s/actuator/prometheus%n",
                    id.module(), p.healthUri(), p.dubboPort(), p.baseUri()));
        }
        int api = suite.service(ServiceId.CASHIER_SERVICE).apiPort();
        out.append(String.format("  %-20s https://127.0.0.1:%d/api/v1  (OpenAPI: /api/v1/openapi.yaml)%n", "open api", api));
        out.append(String.format("  %-20s https://127.0.0.1:%d/ops/api/v1  (Bearer token: %s)%n", "ops api", api,
                OpsToken.ensure(suite.config().workDir())));
        out.append(String.format("  %-20s https://127.0.0.1:%d/ops/  (login: admin, password in %s)%n", "ops console", api,
                OpsToken.adminPasswordFile(suite.config().workDir())));
        out.append(String.format("  %-20s %s%n", "logs", suite.config().workDir().resolve("logs")));
        out.append(String.format("  %-20s %s%n", "demo credentials", suite.config().workDir()
                + "/ (demo-merchant.json, demo-merchant.pem, demo-buyers.json, ops-token; see README)"));
        out.append("  Ctrl-C stops everything.\n");
        return out.toString();
    }
}
