package io.paysuite.kit.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Fills {@link InternalCallers} from {@code paysuite.internal-calls.*} before Dubbo exports or
 * refers anything: this service signs its calls under its Dubbo application name and checks
 * callers of its guarded methods.
 */
@AutoConfiguration
@EnableConfigurationProperties(InternalCallsProperties.class)
public class InternalCallsAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(InternalCallsAutoConfiguration.class);

    @Bean
    InitializingBean internalCallers(InternalCallsProperties properties, Environment environment) {
        return () -> {
            String application = environment.getProperty("dubbo.application.name", environment.getProperty("spring.application.name"));
            byte[] secret = properties.secretFile() == null ? null : InternalCallers.readSecret(properties.secretFile());
            if (secret == null) {
                log.warn("no paysuite.internal-calls.secret-file: this service's guarded methods refuse every caller, "
                        + "and its own calls to guarded methods are refused");
            } else if (application != null) {
                InternalCallers.register(application, secret);
            }
            InternalCallers.provide(secret, InternalCallers.defaultsWith(properties.extraCallers()));
        };
    }
}
