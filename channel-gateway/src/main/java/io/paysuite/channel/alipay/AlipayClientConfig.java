package io.paysuite.channel.alipay;

import com.alipay.api.AlipayClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The process's one Alipay SDK client (keys read once), shared by the trade calls and the bill download. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "paysuite.channels.alipay", name = "server-url")
public class AlipayClientConfig {

    @Bean
    AlipayClient alipayClient(AlipayProperties properties) {
        return AlipayClientFactory.create(properties);
    }
}
