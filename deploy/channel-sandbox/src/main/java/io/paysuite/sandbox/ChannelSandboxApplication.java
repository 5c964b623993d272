package io.paysuite.sandbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The channel sandbox: plays the buyer's phone and the channels' servers (WeChat Pay, Alipay,
 * UnionPay) for the local run and the tests. This is the stub of the foundation: the control API
 * of shared/API.md answers, fault rules are kept, and the channel protocols arrive with the
 * channel-edge issue.
 */
@SpringBootApplication
public class ChannelSandboxApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChannelSandboxApplication.class, args);
    }
}
