package io.paysuite.kit.mq;

import org.apache.rocketmq.client.ClientConfig;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Hands {@code paysuite.kit.rocketmq.*} to the process's one RocketMQ client instance ({@link ProcessClient})
 * while the context creates its beans: the kit's clients read it when they start, after every bean exists.
 */
@AutoConfiguration
@ConditionalOnClass(ClientConfig.class)
@EnableConfigurationProperties(RocketMqClientsProperties.class)
public class RocketMqClientsAutoConfiguration {

    @Bean
    InitializingBean rocketMqProcessClient(RocketMqClientsProperties properties) {
        return () -> ProcessClient.use(properties);
    }
}
