package io.paysuite.deploy.launcher;

import io.paysuite.deploy.infra.ExternalInfra;
import io.paysuite.deploy.infra.InfraConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the launcher needs to start the suite.
 *
 * @param home the repository root, where each service's executable jar is {@code <module>/target/<module>.jar}
 * @param workDir data and logs of this run (the local run uses {@code .paysuite/} under the start directory)
 * @param servicePorts ports per service
 * @param sandboxPort the channel sandbox's HTTP port
 * @param serviceJvmArgs JVM options for every service process
 * @param startTimeout how long the whole suite may take to become healthy
 * @param serviceProperties extra Spring properties per service (tests scale down schedules with them)
 * @param external servers someone else runs ({@link InfraEnvironment}); {@code null}: start the embedded ones
 */
public record SuiteConfig(Path home, Path workDir, InfraConfig infra, Map<ServiceId, ServicePorts> servicePorts,
                          int sandboxPort, List<String> serviceJvmArgs, Duration startTimeout,
                          Map<ServiceId, Map<String, String>> serviceProperties, ExternalInfra external) {

    public SuiteConfig {
        serviceProperties = serviceProperties == null ? Map.of() : Map.copyOf(serviceProperties);
    }

    public SuiteConfig(Path home, Path workDir, InfraConfig infra, Map<ServiceId, ServicePorts> servicePorts,
                       int sandboxPort, List<String> serviceJvmArgs, Duration startTimeout,
                       Map<ServiceId, Map<String, String>> serviceProperties) {
        this(home, workDir, infra, servicePorts, sandboxPort, serviceJvmArgs, startTimeout, serviceProperties, null);
    }

    /** The same suite against servers someone else runs: nothing embedded is started. */
    public SuiteConfig withExternal(ExternalInfra servers) {
        return new SuiteConfig(home, workDir, infra, servicePorts, sandboxPort, serviceJvmArgs, startTimeout,
                serviceProperties, servers);
    }

    /** The same suite with these extra properties for one service. */
    public SuiteConfig withServiceProperties(ServiceId id, Map<String, String> properties) {
        Map<ServiceId, Map<String, String>> all = new EnumMap<>(ServiceId.class);
        all.putAll(serviceProperties);
        all.put(id, Map.copyOf(properties));
        return new SuiteConfig(home, workDir, infra, servicePorts, sandboxPort, serviceJvmArgs, startTimeout, all, external);
    }

    public Map<String, String> propertiesOf(ServiceId id) {
        return serviceProperties.getOrDefault(id, Map.of());
    }

    private static final List<String> JVM_ARGS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-Xss512k");

    /** The local run: fixed, documented ports so URLs are stable. */
    public static SuiteConfig local(Path home, Path workDir) {
        Map<ServiceId, ServicePorts> ports = new EnumMap<>(ServiceId.class);
        for (ServiceId id : ServiceId.values()) {
            ports.put(id, new ServicePorts(id.localHttpPort(), id.localDubboPort(),
                    id == ServiceId.CASHIER_SERVICE ? ServiceId.LOCAL_API_PORT : 0));
        }
        return new SuiteConfig(home, workDir, InfraConfig.localDefaults(workDir), ports, 8099, JVM_ARGS,
                Duration.ofMinutes(5), Map.of());
    }

    /**
     * Tests: every port free at the moment of the call, so a test run never collides with a local
     * run on the same machine. Services start with C1 only, which halves start-up CPU on 2 cores.
     */
    public static SuiteConfig forTests(Path home, Path workDir) {
        Map<ServiceId, ServicePorts> ports = new EnumMap<>(ServiceId.class);
        for (ServiceId id : ServiceId.values()) {
            ports.put(id, new ServicePorts(FreePorts.next(), FreePorts.next(),
                    id == ServiceId.CASHIER_SERVICE ? FreePorts.next() : 0));
        }
        List<String> jvmArgs = new java.util.ArrayList<>(JVM_ARGS);
        jvmArgs.add("-XX:TieredStopAtLevel=1");
        return new SuiteConfig(home, workDir, InfraConfig.freePorts(workDir), ports, FreePorts.next(),
                List.copyOf(jvmArgs), Duration.ofMinutes(8), Map.of());
    }

    public ServicePorts ports(ServiceId id) {
        return servicePorts.get(id);
    }
}
