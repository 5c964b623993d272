package io.paysuite.kit.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;

/**
 * Gives every Hikari pool a service defines as a bean (Spring Boot's {@code spring.datasource}, and any
 * other) the Connector/J properties of {@link MySqlSessionProperties}, so that an operator's URL in
 * compose, k8s or the environment gets them too. Runs after the pool's {@code spring.datasource.hikari.*}
 * binding (an explicit {@code data-source-properties} value wins) and before its first connection
 * (Spring Boot's Hikari pool starts lazily, on the first {@code getConnection}).
 */
@AutoConfiguration
@ConditionalOnClass(HikariDataSource.class)
public class MySqlSessionAutoConfiguration {

    /** Static and infrastructure-role: a post-processor must not pull the configuration class in early. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static BeanPostProcessor mySqlSessionPropertiesPostProcessor() {
        return new PoolTuning();
    }

    static final class PoolTuning implements BeanPostProcessor {

        private static final Logger log = LoggerFactory.getLogger(MySqlSessionAutoConfiguration.class);

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof HikariDataSource pool && !pool.isRunning() && !pool.isClosed()) {
                try {
                    Set<String> added = MySqlSessionProperties.applyTo(pool);
                    if (!added.isEmpty()) {
                        log.debug("pool {}: Connector/J properties added {}", beanName, added);
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
