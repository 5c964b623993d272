package io.paysuite.kit.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Set;
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
 * Gives every Hikari pool a service defines as a bean (Spring Boot's {@code spring.datasource}, and any
 * other) the Connector/J properties of {@link MySqlSessionProperties} (its prepared statements as
 * {@code paysuite.jdbc.prepared-statements.*} says: {@link PreparedStatementProperties}), so that an operator's URL in
 * compose, k8s or the environment gets them too. Runs after the pool's {@code spring.datasource.hikari.*}
 * binding (an explicit {@code data-source-properties} value wins) and before its first connection
 * (Spring Boot's Hikari pool starts lazily, on the first {@code getConnection}). With
 * {@code paysuite.jdbc.auto-commit.defer-restore} (on by default) the pool also opens its connections through a
 * {@link DeferredAutoCommitDataSource}, after the properties are added so that the driver gets them.
 */
@AutoConfiguration
@ConditionalOnClass(HikariDataSource.class)
@EnableConfigurationProperties({AutoCommitProperties.class, PreparedStatementProperties.class})
public class MySqlSessionAutoConfiguration {

    /** Static and infrastructure-role: a post-processor must not pull the configuration class in early. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static BeanPostProcessor mySqlSessionPropertiesPostProcessor(Environment environment) {
        return new PoolTuning(environment);
    }

    static final class PoolTuning implements BeanPostProcessor {

        private static final Logger log = LoggerFactory.getLogger(MySqlSessionAutoConfiguration.class);

        private final Environment environment;
        private AutoCommitProperties autoCommit;
        private PreparedStatementProperties statements;

        PoolTuning(Environment environment) {
            this.environment = environment;
        }

        /** Bound here, not injected: a post-processor is made before configuration-properties beans. */
        private AutoCommitProperties autoCommit() {
            if (autoCommit == null) {
                autoCommit = Binder.get(environment).bind("paysuite.jdbc.auto-commit", AutoCommitProperties.class)
                        .orElseGet(AutoCommitProperties::defaults);
            }
            return autoCommit;
        }

        private PreparedStatementProperties statements() {
            if (statements == null) {
                statements = PreparedStatementProperties.of(environment);
            }
            return statements;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof HikariDataSource pool && !pool.isRunning() && !pool.isClosed()) {
                try {
                    Set<String> added = MySqlSessionProperties.applyTo(pool, statements());
                    if (!added.isEmpty()) {
                        log.debug("pool {}: Connector/J properties added {}", beanName, added);
                    }
                    if (autoCommit().deferRestore() && DeferredAutoCommitDataSource.install(pool)) {
                        log.debug("pool {}: auto-commit restore deferred", beanName);
                    }
                } catch (IllegalStateException sealed) {
                    // the pool started already (someone asked it for a connection during its own creation):
                    // it runs with its URL as given, which is correct, only slower
                    log.warn("pool {} started before its Connector/J properties could be added: {}", beanName,
                            sealed.getMessage());
                }
            }
            return bean;
        }
    }
}
