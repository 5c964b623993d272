package io.paysuite.deploy.launcher;

import static io.paysuite.deploy.launcher.RepositoryFiles.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Compose file, the Kubernetes base and the services' prod profiles agree with each other and with the
 * launcher's external mode: the same variables, every service probed on the actuator, sized, budgeted and scaled.
 * (bin/test also renders the overlays with kubectl kustomize and checks the Compose file with docker-compose where
 * they are installed.)
 */
class DeploymentFilesTest {

    private final Path root = RepositoryFiles.root();

    private Map<String, Object> composeServices() {
        return at(RepositoryFiles.yaml(root.resolve("deploy/compose/compose.yaml")), "services");
    }

    /** A service's Compose instances: trade-core-1 and trade-core-2 for trade-core. */
    private List<Map<String, Object>> instances(String module) {
        List<Map<String, Object>> found = new ArrayList<>();
        composeServices().forEach((name, service) -> {
            if (name.equals(module) || name.matches(module + "-\\d+")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) service;
                found.add(map);
            }
        });
        return found;
    }

    @Test
    void composeRunsTheProductionTopologyWithTwoInstancesOfTradeAndPay() {
        assertThat(composeServices()).containsKeys("nacos", "mysql-a", "mysql-b", "rocketmq-namesrv", "rocketmq-broker",
                "seata", "channel-sandbox", "prometheus", "grafana");
        assertThat(instances("trade-core")).hasSize(2);
        assertThat(instances("pay-core")).hasSize(2);
        assertThat(at(composeServices(), "seata", "environment", "STORE_MODE").toString()).isEqualTo("db");
    }

    @Test
    void everyComposeServiceHasAnImageAHealthCheckTheSharedServersAndItsOwnDatabases() {
        for (ServiceId id : ServiceId.values()) {
            Set<String> nodes = new HashSet<>();
            for (Map<String, Object> service : instances(id.module())) {
                assertThat((String) service.get("image")).as(id + " image").startsWith("paysuite/" + id.module() + ":");
                assertThat(at(service, "healthcheck", "test").toString()).as(id + " healthcheck").contains("/actuator/health/readiness");
                Map<String, Object> env = at(service, "environment");
                assertThat(env).as(id + " environment").containsKeys(InfraEnvironment.REGISTRY, InfraEnvironment.NAMESRV,
                        InfraEnvironment.DB_USERNAME);
                for (String database : id.databases()) {
                    assertThat(env).as(id + " " + database).containsKey(InfraEnvironment.variableOf(database));
                    assertThat(env.get(InfraEnvironment.variableOf(database)).toString()).contains(database);
                }
                assertThat((Map<String, Object>) at(service, "depends_on")).as(id + " depends_on")
                        .containsKeys("nacos", "mysql-a", "mysql-b", "rocketmq-broker");
                assertThat(at(service, "secrets").toString()).as(id + " secrets").contains("PAYSUITE_DB_PASSWORD", "internal-call.key");
                if (env.containsKey("PAYSUITE_NODE")) {
                    assertThat(nodes.add(env.get("PAYSUITE_NODE").toString())).as(id + " node numbers unique").isTrue();
                }
            }
        }
    }

    @Test
    void tradeAndPayAreEachShardedOverBothMySqlServers() {
        for (String module : List.of("trade-core", "pay-core")) {
            Map<String, Object> env = at(instances(module).get(0), "environment");
            String prefix = "PAYSUITE_" + (module.equals("trade-core") ? "TRADE" : "PAY") + "_DB_";
            assertThat(env.get(prefix + "0").toString()).contains("//mysql-a:");
            assertThat(env.get(prefix + "1").toString()).contains("//mysql-b:");
        }
    }

    @Test
    void composeDeclaresEverySecretItMountsAndEveryFileItMountsExists() {
        Map<String, Object> compose = RepositoryFiles.yaml(root.resolve("deploy/compose/compose.yaml"));
        Map<String, Object> declared = at(compose, "secrets");
        composeServices().forEach((name, service) -> {
            List<Object> secrets = at(service, "secrets");
            if (secrets != null) {
                for (Object secret : secrets) {
                    String source = secret instanceof Map<?, ?> map ? (String) map.get("source") : (String) secret;
                    assertThat(declared).as(name + " secret " + source).containsKey(source);
                }
            }
            List<String> volumes = at(service, "volumes");
            if (volumes != null) {
                for (String volume : volumes) {
                    String from = volume.split(":")[0];
                    // secrets/ and data/ are written by make-secrets.sh, never committed
                    if (from.startsWith("./") && !from.startsWith("./secrets") && !from.startsWith("./data")) {
                        assertThat(root.resolve("deploy/compose").resolve(from)).as(name + " mounts " + from).exists();
                    }
                }
            }
        });
    }

    @Test
    void prometheusScrapesEveryServiceInstanceOfCompose() {
        String scrape = RepositoryFiles.read(root.resolve("deploy/compose/prometheus/prometheus.yml"));
        for (ServiceId id : ServiceId.values()) {
            assertThat(instances(id.module())).isNotEmpty();
            composeServices().keySet().stream().filter(name -> name.equals(id.module()) || name.matches(id.module() + "-\\d+"))
                    .forEach(name -> assertThat(scrape).as("scrape target " + name).contains("\"" + name + ":"));
        }
    }

    @Test
    void everyProdProfileReadsTheLaunchersVariablesForItsServers() {
        for (ServiceId id : ServiceId.values()) {
            String prod = RepositoryFiles.read(root.resolve(id.module()).resolve("src/main/resources/application-prod.yml"));
            assertThat(prod).as(id.module()).contains("${" + InfraEnvironment.REGISTRY + "}", "${" + InfraEnvironment.DB_USERNAME + "}",
                    "configtree:");
            for (String database : id.databases()) {
                assertThat(prod).as(id.module() + " " + database).contains("${" + InfraEnvironment.variableOf(database) + "}");
            }
        }
    }

    @Test
    void everyKubernetesWorkloadIsProbedSizedBudgetedScaledAndStopsGracefully() throws IOException {
        Map<String, Map<String, Object>> workloads = new HashMap<>();
        List<Map<String, Object>> budgets = new ArrayList<>();
        List<Map<String, Object>> scalers = new ArrayList<>();
        Path base = root.resolve("deploy/k8s/base");
        String kustomization = RepositoryFiles.read(base.resolve("kustomization.yaml"));
        try (Stream<Path> files = Files.list(base)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).toList()) {
                assertThat(kustomization).as("kustomization lists " + file.getFileName()).contains("- " + file.getFileName());
                for (Map<String, Object> doc : RepositoryFiles.documents(file)) {
                    String kind = (String) doc.get("kind");
                    String name = at(doc, "metadata", "name");
                    switch (kind) {
                        case "Deployment", "StatefulSet" -> workloads.put(name, doc);
                        case "PodDisruptionBudget" -> budgets.add(doc);
                        case "HorizontalPodAutoscaler" -> scalers.add(doc);
                        default -> { }
                    }
                }
            }
        }
        for (ServiceId id : ServiceId.values()) {
            Map<String, Object> workload = workloads.get(id.module());
            assertThat(workload).as(id.module() + " workload").isNotNull();
            if (id == ServiceId.TRADE_CORE || id == ServiceId.PAY_CORE || id == ServiceId.ACCOUNTING_SERVICE) {
                // their instances number their orders and entries: a stable ordinal each
                assertThat(workload.get("kind")).as(id.module()).isEqualTo("StatefulSet");
                assertThat(at(workload, "spec", "template", "spec", "containers").toString()).contains("PAYSUITE_NODE", "pod-index");
            }
            Map<String, Object> labels = at(workload, "spec", "template", "metadata", "labels");
            List<Map<String, Object>> containers = at(workload, "spec", "template", "spec", "containers");
            Map<String, Object> container = containers.get(0);
            assertThat((String) at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
            assertThat((String) at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            assertThat((Object) at(container, "resources", "requests", "cpu")).as(id + " cpu request").isNotNull();
            assertThat((Object) at(container, "resources", "requests", "memory")).as(id + " memory request").isNotNull();
            assertThat((Object) at(container, "resources", "limits", "memory")).as(id + " memory limit").isNotNull();
            List<String> preStop = at(container, "lifecycle", "preStop", "exec", "command");
            assertThat(preStop).as(id + " preStop").anyMatch(arg -> arg.endsWith("/offline"));
            int wait = Integer.parseInt(preStop.get(preStop.size() - 1));
            int grace = at(workload, "spec", "template", "spec", "terminationGracePeriodSeconds");
            assertThat(grace).as(id + " grace covers preStop, Dubbo's shutwait and Spring's shutdown").isGreaterThan(wait + 30);
            assertThat(at(container, "volumeMounts").toString()).contains("/run/secrets");

            assertThat(budgets).as(id + " PodDisruptionBudget").anyMatch(pdb ->
                    labels.entrySet().containsAll(((Map<String, Object>) at(pdb, "spec", "selector", "matchLabels")).entrySet()));
            assertThat(scalers).as(id + " HorizontalPodAutoscaler").anyMatch(hpa ->
                    id.module().equals(at(hpa, "spec", "scaleTargetRef", "name"))
                            && workload.get("kind").equals(at(hpa, "spec", "scaleTargetRef", "kind")));
        }
    }

    @Test
    void theKubernetesEnvironmentNamesEveryDatabaseTheLauncherWouldAskFor() {
        String env = RepositoryFiles.read(root.resolve("deploy/k8s/base/paysuite.env"));
        for (ServiceId id : ServiceId.values()) {
            for (String database : id.databases()) {
                assertThat(env).contains(InfraEnvironment.variableOf(database) + "=");
            }
        }
        assertThat(env).contains(InfraEnvironment.REGISTRY + "=nacos://", InfraEnvironment.NAMESRV + "=");
    }
}
