package io.paysuite.it.config;

import io.paysuite.deploy.launcher.ServiceId;
import io.paysuite.it.SuiteHarness;
import io.paysuite.kit.config.ConfigCenter;
import io.paysuite.kit.config.ConfigCenterProperties;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suite's config center as the services see it — the same {@link ConfigCenter} the kit gives
 * them, picked by the suite's registry address (ZooKeeper in the embedded suite, Nacos when the suite
 * runs against one) — for ITs that change run-time rules. One client for the whole run.
 */
public final class SuiteRules {

    /** The services' config-center defaults (kit {@code paysuite.config-center.*}). */
    private static final ConfigCenterProperties DEFAULTS = new ConfigCenterProperties(null, "/paysuite/config", "PAYSUITE",
            Duration.ofSeconds(10));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static ConfigCenter center;

    private SuiteRules() {
    }

    public static synchronized ConfigCenter center() {
        if (center == null) {
            ConfigCenter opened = DEFAULTS.open(SuiteHarness.suite().infra().registryAddress());
            Runtime.getRuntime().addShutdownHook(new Thread(opened::close, "it-config-center-close"));
            center = opened;
        }
        return center;
    }

    /** How many documents under {@code key} the service has refused ({@code paysuite_config_rules_refused_total}); 0 before the first. */
    public static double refused(ServiceId service, String key) throws Exception {
        return counter(service, "paysuite_config_rules_refused_total", "key", key);
    }

    /** A service's Prometheus counter {@code metric} with the tag {@code tag="value"}; 0 before it is first counted. */
    public static double counter(ServiceId service, String metric, String tag, String value) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(SuiteHarness.suite().service(service).baseUri().resolve("/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("^" + Pattern.quote(metric) + "\\{[^}]*" + Pattern.quote(tag) + "=\"" + Pattern.quote(value)
                + "\"[^}]*} (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
