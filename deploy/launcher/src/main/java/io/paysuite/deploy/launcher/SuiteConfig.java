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

    /**
     * Every service's JVM on a small box (six services, a broker and a database on two cores), option by option:
     * <ul>
     *   <li>{@code -XX:+UseSerialGC}: no parallel or concurrent GC threads to wake, and on heaps this size a young
     *       collection takes a few milliseconds; G1 pays for its concurrent machinery on every write barrier.</li>
     *   <li>{@code -Xms192m -Xmx384m}: starting at 192 MB gives the young generation about 64 MB from the first
     *       request (64 MB at start left it at about 21 MB, three times the collections under load until the heap
     *       had grown); 384 MB caps the six services at 2.3 GB. Untouched heap pages cost no memory.</li>
     *   <li>{@code -Xss512k}: the Dubbo, Tomcat and RocketMQ pools hold hundreds of mostly idle threads; half the
     *       default stack is plenty for their depth.</li>
     *   <li>{@code -XX:PerfDataSamplingInterval=1000}: the JVM's statistics sampler (jstat's counters) ran every 50 ms
     *       in every process; once a second is enough for jstat, and jps/jcmd work as before.</li>
     *   <li>{@code -XX:MetaspaceSize=128m}: the class-metadata level at which the first collection is forced. At the
     *       default (about 21 MB) a service starting (Spring, Dubbo, RocketMQ, ShardingSphere: 90–110 MB of metadata)
     *       hits the rising threshold several times, and with the serial collector each hit is a full collection of
     *       the heap ("Metadata GC Threshold", 0.1–6 s each on a loaded box, seen with {@code jstat -gccause}). It is
     *       a threshold, not a limit: metaspace still grows past it.</li>
     *   <li>No application class-data sharing archive: the services run as Spring Boot executable jars, whose
     *       classes come from nested jars that JDK 17's AppCDS cannot archive (only the JDK's own classes would be,
     *       and its default archive already holds the core of them), and JDK 17 cannot create a dynamic archive and
     *       use one in the same run, so a per-service archive would need the launcher to notice a changed jar.</li>
     *   <li>No {@code -XX:TieredStopAtLevel=1} here: C1-only code is slower in steady state, which is what the local
     *       run and the benchmark measure; the tests add it ({@link #forTests}), where start-up dominates. No
     *       {@code -XX:CICompilerCount}: on two cores the JVM already picks 2, the minimum with tiered compilation.</li>
     * </ul>
     */
    private static final List<String> JVM_ARGS = List.of("-Xms192m", "-Xmx384m", "-XX:+UseSerialGC", "-Xss512k",
            "-XX:PerfDataSamplingInterval=1000", "-XX:MetaspaceSize=128m");

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
