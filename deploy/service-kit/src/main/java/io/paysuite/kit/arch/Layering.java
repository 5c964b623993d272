package io.paysuite.kit.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering rules every service's {@code LayeringTest} applies to its own root package, the
 * same rules everywhere and no carve-outs. A service's code sits in four outer layers and its domain:
 * <ul>
 *   <li>{@code <root>.infra..} — persistence (MyBatis, ShardingSphere, JDBC), RocketMQ, outbound
 *       technology behind ports the domain owns;</li>
 *   <li>{@code <root>.provider..} — the Dubbo providers ({@code @DubboService}), thin facades that
 *       hand each call to one domain executor;</li>
 *   <li>{@code <root>.config..} — Spring wiring and {@code @ConfigurationProperties};</li>
 *   <li>{@code <root>.system..} — the liveness probe and other operational plumbing;</li>
 *   <li>everything else under {@code <root>} (except the application class in {@code <root>}
 *       itself) is domain: business rules, aggregates, ports, executors, channel adapters, controllers.</li>
 * </ul>
 * Rules: the domain depends on no infra, provider, config or system class of its service, and on
 * no Spring data access, MyBatis, ShardingSphere, RocketMQ, JDBC or Dubbo configuration type;
 * no two top-level packages of a service depend on each other in a cycle.
 *
 * <p>ArchUnit is optional in the kit: a service's test scope brings it.
 */
public final class Layering {

    private static final String[] TECHNOLOGY = {
            "org.springframework.jdbc..", "org.springframework.dao..", "org.springframework.transaction..",
            "org.apache.ibatis..", "org.mybatis..",
            "org.apache.shardingsphere..",
            "org.apache.rocketmq..",
            "java.sql..", "javax.sql..",
            "org.apache.dubbo.config..",
    };

    /** The config centers' clients: only the kit's config-center adapters ({@code io.paysuite.kit.config}) name them. */
    private static final String[] CONFIG_CENTER_CLIENTS = {
            "org.apache.zookeeper..", "org.apache.curator..", "com.alibaba.nacos..",
            "com.alibaba.csp.sentinel.datasource.zookeeper..", "com.alibaba.csp.sentinel.datasource.nacos..",
    };

    private Layering() {
    }

    /**
     * No class of the service rooted at {@code root} names ZooKeeper, Curator or Nacos (nor Sentinel's
     * data sources for them): run-time rules come through the kit's {@code ConfigCenter}, so that the
     * registry address alone moves a service between the two (the registry itself is Dubbo's business).
     */
    public static ArchRule configCenterOnlyThroughTheKit(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAnyPackage(CONFIG_CENTER_CLIENTS)
                .as("no class of " + root + " names ZooKeeper, Curator or Nacos: rules come through io.paysuite.kit.config.ConfigCenter");
    }

    /** The domain of the service rooted at {@code root} (e.g. {@code io.paysuite.trade}) uses no technology and no outer layer. */
    public static ArchRule domainIsPure(String root) {
        return noClasses().that(inDomainOf(root))
                .should().dependOnClassesThat().resideInAnyPackage(TECHNOLOGY)
                .orShould().dependOnClassesThat().resideInAnyPackage(outerLayers(root))
                .as("the domain of " + root + " uses no persistence, messaging or Dubbo configuration, "
                        + "and no class of infra, provider, config or system");
    }

    /** No cycles between the service's top-level packages ({@code <root>.<package>..}). */
    public static ArchRule noCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .as("the top-level packages of " + root + " are free of cycles");
    }

    private static String[] outerLayers(String root) {
        return new String[] {root + ".infra..", root + ".provider..", root + ".config..", root + ".system.."};
    }

    private static DescribedPredicate<JavaClass> inDomainOf(String root) {
        String[] outer = outerLayers(root);
        return DescribedPredicate.describe("in the domain of " + root, javaClass -> {
            String pkg = javaClass.getPackageName();
            if (!pkg.startsWith(root + ".")) {
                return false;
            }
            for (String layer : outer) {
                String prefix = layer.substring(0, layer.length() - 2);
                if (pkg.equals(prefix) || pkg.startsWith(prefix + ".")) {
                    return false;
                }
            }
            return true;
        });
    }
}
