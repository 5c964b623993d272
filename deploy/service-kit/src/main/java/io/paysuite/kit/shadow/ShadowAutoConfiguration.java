package io.paysuite.kit.shadow;

import com.zaxxer.hikari.HikariDataSource;
import io.paysuite.kit.jdbc.PreparedStatementProperties;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

/**
 * Load traffic for the services that are not behind ShardingSphere (their one Hikari pool, Spring Boot's
 * {@code dataSource}): with {@code paysuite.shadow.enabled}, the pool is wrapped in a {@link ShadowRouting}
 * next to a shadow pool on {@code <db>_shadow}, and the service's own Flyway configuration migrates the
 * shadow too, at start, so both sides always have the same schema. The sharded services get theirs from
 * {@code ShardingAutoConfiguration}. Off (the default), this changes nothing.
 */
@AutoConfiguration
@ConditionalOnClass({HikariDataSource.class, Flyway.class})
@EnableConfigurationProperties(ShadowProperties.class)
public class ShadowAutoConfiguration {

    /** Static and infrastructure-role: a post-processor must not pull the configuration class in early. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static BeanPostProcessor shadowDataSources(Environment environment) {
        return new ShadowSide(environment);
    }

    static final class ShadowSide implements BeanPostProcessor {

        private static final Logger log = LoggerFactory.getLogger(ShadowAutoConfiguration.class);

        private final Environment environment;
        private ShadowProperties properties;
        private ShadowRouting routing;

        ShadowSide(Environment environment) {
            this.environment = environment;
            ShadowContext.accept(properties().enabled());
        }

        private ShadowProperties properties() {
            if (properties == null) {
                properties = Binder.get(environment).bind("paysuite.shadow", ShadowProperties.class)
                        .orElseGet(ShadowProperties::off);
            }
            return properties;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (!properties().enabled()) {
                return bean;
            }
            if ("dataSource".equals(beanName) && bean instanceof HikariDataSource real && routing == null) {
                routing = new ShadowRouting(real, ShadowRouting.shadowPool(real, properties(),
                        PreparedStatementProperties.of(environment)));
                log.info("load traffic goes to {}", properties().shadowUrl(real.getJdbcUrl()));
                return routing;
            }
            if (routing != null && bean instanceof Flyway flyway) {
                migrateShadow(flyway);
            }
            return bean;
        }

        private void migrateShadow(Flyway flyway) {
            Flyway shadow = Flyway.configure(flyway.getConfiguration().getClassLoader())
                    .configuration(flyway.getConfiguration())
                    .dataSource(routing.shadow())
                    .load();
            int applied = shadow.migrate().migrationsExecuted;
            log.info("flyway shadow: {} migration(s) applied", applied);
        }
    }
}
