package io.paysuite.it;

import io.paysuite.api.ApiVersion;
import io.paysuite.deploy.launcher.RunKeys;
import io.paysuite.deploy.launcher.ServiceId;
import io.paysuite.deploy.launcher.Suite;
import io.paysuite.deploy.launcher.SuiteConfig;
import io.paysuite.kit.access.InternalCallers;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.dubbo.config.ApplicationConfig;
import org.apache.dubbo.config.ReferenceConfig;
import org.apache.dubbo.config.RegistryConfig;
import org.apache.dubbo.config.bootstrap.DubboBootstrap;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * One suite per test run: the first test that asks starts the embedded infrastructure and the
 * service processes through the launcher (exactly as the local run does); the JUnit launcher
 * session closing stops them. Every IT class shares it.
 */
public final class SuiteHarness implements LauncherSessionListener {

    /** The tests' Dubbo application name: an allowed internal caller of this suite only. */
    public static final String CLIENT = "paysuite-it";

    /**
     * A registry and config center someone else runs (a Nacos server) instead of the embedded ZooKeeper, e.g.
     * {@code -Dpaysuite.it.registry=nacos://127.0.0.1:28848?username=nacos&password=…}; the other servers stay embedded.
     */
    public static final String REGISTRY = "paysuite.it.registry";

    private static volatile Suite suite;
    private static volatile DubboBootstrap dubbo;
    private static final Map<String, Object> REFERENCES = new ConcurrentHashMap<>();

    /** The running suite, started on first use. */
    public static Suite suite() {
        Suite current = suite;
        if (current == null) {
            synchronized (SuiteHarness.class) {
                if (suite == null) {
                    Path home = Path.of(System.getProperty("paysuite.home", "../..")).toAbsolutePath().normalize();
                    Path work = Path.of(System.getProperty("paysuite.work", "target/suite")).toAbsolutePath();
                    SuiteConfig config = SuiteConfig.forTests(home, work);
                    for (ServiceId id : ServiceId.values()) {
                        Map<String, String> props = new LinkedHashMap<>(TestProperties.of(id));
                        // the tests drive the money-moving methods directly (ledger postings, channel charges):
                        // their client is one more named internal caller, proven by the run's secret
                        props.put("paysuite.internal-calls.extra-callers", CLIENT);
                        config = config.withServiceProperties(id, props);
                    }
                    // -Ptestcontainers: MySQL 8, RocketMQ and Nacos in containers, reached through the launcher's external
                    // mode; the default run starts the embedded servers
                    config = ContainerInfra.fromProperty().map(config::withExternal).orElse(config);
                    // -Dpaysuite.it.registry=nacos://…: the embedded servers but that registry and config center
                    suite = Suite.start(config, System.getProperty(REGISTRY));
                }
                current = suite;
            }
        }
        return current;
    }

    /** A Dubbo proxy found through the registry, as any internal consumer would get it. */
    public static <T> T reference(Class<T> api, String group) {
        return reference(api, group, null);
    }

    /** A Dubbo proxy wired straight to one instance's port, bypassing the registry. */
    public static <T> T directReference(Class<T> api, String group, int dubboPort) {
        return reference(api, group, "dubbo://127.0.0.1:" + dubboPort);
    }

    @SuppressWarnings("unchecked")
    private static <T> T reference(Class<T> api, String group, String url) {
        String key = api.getName() + "/" + group + "/" + url;
        return (T) REFERENCES.computeIfAbsent(key, k -> {
            ReferenceConfig<T> reference = new ReferenceConfig<>();
            reference.setInterface(api);
            reference.setVersion(ApiVersion.DUBBO);
            reference.setGroup(group);
            reference.setCheck(false);
            reference.setTimeout(15_000);
            reference.setRetries(0);
            if (url != null) {
                reference.setUrl(url);
            }
            bootstrap().reference(reference);
            return reference.get();
        });
    }

    private static synchronized DubboBootstrap bootstrap() {
        if (dubbo == null) {
            InternalCallers.register(CLIENT, InternalCallers.readSecret(RunKeys.internalCall(suite().config().workDir())));
            ApplicationConfig application = new ApplicationConfig(CLIENT);
            application.setQosEnable(false);
            dubbo = DubboBootstrap.newInstance()
                    .application(application)
                    .registry(new RegistryConfig(suite().infra().registryAddress()));
            dubbo.start();
        }
        return dubbo;
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        synchronized (SuiteHarness.class) {
            if (dubbo != null) {
                dubbo.destroy();
                dubbo = null;
            }
            if (suite != null) {
                suite.close();
                suite = null;
            }
        }
    }
}
