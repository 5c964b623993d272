package io.paysuite.kit.probe;

import io.paysuite.api.ApiVersion;
import io.paysuite.api.system.ProbeResponder;
import io.paysuite.api.system.ServiceProbe;
import io.paysuite.kit.sharding.ShardingAutoConfiguration;
import javax.sql.DataSource;
import org.apache.dubbo.config.ReferenceConfig;
import org.apache.dubbo.config.spring.ServiceBean;
import org.apache.dubbo.config.spring.util.DubboBeanUtils;
import org.apache.dubbo.rpc.model.ModuleModel;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Every service's answer to the suite's liveness ring ({@link ServiceProbe}): the one
 * {@link ProbeResponder}, exported over Dubbo under the group named after the service, checking
 * the service's own database and relaying to the next service of {@link ServiceProbe#RING}.
 *
 * <p>The export and the reference are built programmatically (a {@link ServiceBean} and a
 * {@link ReferenceConfig} registered with the service's Dubbo module) rather than with
 * {@code @DubboService}/{@code @DubboReference}: their group is the service's name, known only
 * from configuration, and annotations would need one class per service to carry it. The service
 * is named by {@code dubbo.application.name}, else {@code spring.application.name}.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, ShardingAutoConfiguration.class})
@ConditionalOnClass(ServiceBean.class)
@ConditionalOnSingleCandidate(DataSource.class)
public class ProbeAutoConfiguration {

    /** How long a relay waits for the next service: well under the callers' own timeouts. */
    static final int NEXT_TIMEOUT_MILLIS = 3000;

    @Bean
    ServiceBean<ServiceProbe> serviceProbeExport(ApplicationContext context, Environment environment, DataSource dataSource) {
        String service = serviceName(environment);
        ReferenceConfig<ServiceProbe> next = nextInRing(DubboBeanUtils.getModuleModel(context), service);
        ServiceBean<ServiceProbe> export = new ServiceBean<>(context);
        export.setInterface(ServiceProbe.class);
        export.setGroup(service);
        export.setVersion(ApiVersion.DUBBO);
        export.setRef(new ProbeResponder(service, new OwnDatabase(dataSource), next::get));
        return export;
    }

    /**
     * The reference to the next service's probe, registered with the module like a
     * {@code @DubboReference} would be: referred when the module starts, destroyed when it stops.
     * {@code check = false}: the next service may start later; a relay reports its absence.
     */
    static ReferenceConfig<ServiceProbe> nextInRing(ModuleModel module, String service) {
        ReferenceConfig<ServiceProbe> next = new ReferenceConfig<>(module);
        next.setInterface(ServiceProbe.class);
        next.setGroup(ServiceProbe.next(service));
        next.setVersion(ApiVersion.DUBBO);
        next.setCheck(false);
        next.setTimeout(NEXT_TIMEOUT_MILLIS);
        next.setRetries(0);
        module.getConfigManager().addReference(next);
        module.getDeployer().setPending();
        return next;
    }

    static String serviceName(Environment environment) {
        String name = environment.getProperty("dubbo.application.name", environment.getProperty("spring.application.name"));
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("the liveness probe needs dubbo.application.name or spring.application.name");
        }
        ServiceProbe.next(name); // refuses a name that is not in the ring
        return name;
    }
}
