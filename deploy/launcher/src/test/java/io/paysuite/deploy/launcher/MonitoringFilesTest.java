package io.paysuite.deploy.launcher;

import static io.paysuite.deploy.launcher.RepositoryFiles.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every metric the alert rules and the Grafana dashboard query is a meter some service registers: a renamed or
 * removed meter fails the build here instead of silencing an alert. Prometheus names are mapped back to Micrometer's
 * ({@code channel_call_seconds_bucket} → {@code channel.call}) and looked up as string literals in the services'
 * and the kit's main sources.
 */
class MonitoringFilesTest {

    /** PromQL's own words, never metric names. */
    private static final Set<String> PROMQL = Set.of("sum", "min", "max", "avg", "count", "rate", "irate", "increase",
            "histogram_quantile", "topk", "bottomk", "and", "or", "unless", "by", "without", "on", "ignoring", "abs",
            "clamp_min", "clamp_max", "delta", "deriv", "absent", "vector", "scalar", "time", "offset", "bool", "le");
    /** Series Prometheus itself writes. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");
    private static final Pattern WORD = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][a-z0-9]*(?:\\.[a-z0-9]+)+)\"");

    private final Path root = RepositoryFiles.root();

    @Test
    void everyMetricTheAlertsAndTheDashboardQueryIsRegisteredInTheCode() throws IOException {
        Set<String> meters = metersInCode();
        Set<String> queried = new TreeSet<>();
        alertExpressions().forEach(expr -> queried.addAll(metricNames(expr)));
        dashboardExpressions().forEach(expr -> queried.addAll(metricNames(expr)));

        assertThat(queried).as("metrics named in alerts.yml and paysuite.json").isNotEmpty();
        List<String> missing = new ArrayList<>();
        for (String metric : queried) {
            if (!PROMETHEUS_OWN.contains(metric) && !meters.contains(micrometerName(metric))) {
                missing.add(metric + " (" + micrometerName(metric) + ")");
            }
        }
        assertThat(missing).as("queried but registered by no service").isEmpty();
    }

    @Test
    void theDashboardShowsChannelSuccessAndLatencyErrorCodesPaymentsBacklogAndDifferences() {
        String all = String.join("\n", dashboardExpressions());
        assertThat(all).contains("channel_call_seconds_count", "channel_latency_seconds_bucket", "channel_code_total",
                "paysuite_payment_charge_seconds_count", "paysuite_payment_charge_seconds_bucket",
                "paysuite_notifications_backlog", "paysuite_reconciliation_differences_open", "paysuite_ledger_trial_balanced");
    }

    @Test
    void theAlertsCoverSuccessRateLatencyBacklogTrialBalanceAndConflicts() {
        String all = String.join("\n", alertExpressions());
        assertThat(all).contains("channel_call_seconds_count", "_seconds_bucket", "paysuite_notifications_backlog",
                "paysuite_ledger_trial_balanced", "kind=\"conflict\"");
    }

    @Test
    void metricNamesAreReadFromExpressionsWithoutLabelsFunctionsOrRanges() {
        assertThat(metricNames("histogram_quantile(0.99, sum by (le, channel) (rate(channel_latency_seconds_bucket{a=\"b_c\"}[5m]))) > 3"))
                .containsExactly("channel_latency_seconds_bucket");
        assertThat(micrometerName("channel_call_seconds_count")).isEqualTo("channel.call");
        assertThat(micrometerName("channel_alarm_total")).isEqualTo("channel.alarm");
        assertThat(micrometerName("paysuite_notifications_backlog")).isEqualTo("paysuite.notifications.backlog");
    }

    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"[^\"]*\"", "")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
        Set<String> names = new TreeSet<>();
        Matcher words = WORD.matcher(bare);
        while (words.find()) {
            String word = words.group();
            if (!PROMQL.contains(word) && (word.contains("_") || PROMETHEUS_OWN.contains(word))) {
                names.add(word);
            }
        }
        return names;
    }

    static String micrometerName(String prometheusName) {
        String name = prometheusName;
        for (String suffix : List.of("_seconds_bucket", "_seconds_count", "_seconds_sum", "_seconds_max", "_seconds",
                "_total", "_bucket", "_count", "_sum")) {
            if (name.endsWith(suffix)) {
                name = name.substring(0, name.length() - suffix.length());
                break;
            }
        }
        return name.replace('_', '.');
    }

    @SuppressWarnings("unchecked")
    private List<String> alertExpressions() {
        List<String> exprs = new ArrayList<>();
        Map<String, Object> alerts = RepositoryFiles.yaml(root.resolve("deploy/compose/prometheus/alerts.yml"));
        for (Map<String, Object> group : (List<Map<String, Object>>) alerts.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                exprs.add(rule.get("expr").toString());
            }
        }
        return exprs;
    }

    @SuppressWarnings("unchecked")
    private List<String> dashboardExpressions() {
        List<String> exprs = new ArrayList<>();
        Map<String, Object> dashboard = RepositoryFiles.yaml(root.resolve("deploy/compose/grafana/dashboards/paysuite.json"));
        for (Map<String, Object> panel : (List<Map<String, Object>>) dashboard.get("panels")) {
            List<Map<String, Object>> targets = at(panel, "targets");
            if (targets != null) {
                targets.forEach(target -> exprs.add(target.get("expr").toString()));
            }
        }
        return exprs;
    }

    /** Dotted string literals of the main sources: meter names as the code registers them. */
    private Set<String> metersInCode() throws IOException {
        Set<String> literals = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")
                    && !f.toString().contains("/target/")).toList()) {
                Matcher m = LITERAL.matcher(RepositoryFiles.read(file));
                while (m.find()) {
                    literals.add(m.group(1));
                }
            }
        }
        return literals;
    }
}
