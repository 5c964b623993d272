package io.paysuite.sandbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The channel sandbox: plays the buyer's phone and the channels' servers (Alipay and WeChat Pay now;
 * UnionPay to come) for the local run and the tests. Alipay speaks the real open-platform protocol at
 * {@code /gateway.do}, WeChat Pay API v3 at {@code /v3/**}; the control API of docs/api/API.md lives under
 * {@code /sandbox/v1}.
 */
@SpringBootApplication
@EnableConfigurationProperties(SandboxProperties.class)
public class ChannelSandboxApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChannelSandboxApplication.class, args);
    }
}
