package io.paysuite.sandbox.unionpay;

import io.paysuite.sandbox.BillFaults;
import io.paysuite.sandbox.Notifier;
import io.paysuite.sandbox.SandboxProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The UnionPay acquirers the sandbox plays: the first at {@code /gateway/api/*.do} (channel UNIONPAY) and a second one
 * at {@code /acquirer-b/gateway/api/*.do} (channel UNIONPAY_B), so that a card payment one acquirer definitely refuses
 * can be rerouted to the other. Each gateway owns its keys, notifications and settlement thread.
 */
@Configuration(proxyBeanMethods = false)
class UnionPayAcquirers {

    /** The second acquirer's base path; the controller's mappings are built from it, hence a constant. */
    static final String ACQUIRER_B_PATH = "/acquirer-b";

    @Bean
    UnionPayGateway unionpay(SandboxProperties properties, Notifier notifier, BillFaults billFaults) throws Exception {
        return gateway(new UnionPayAcquirer("UNIONPAY", "", "paysuite.sandbox.unionpay", properties.unionpay()), properties, notifier,
                billFaults);
    }

    @Bean
    UnionPayGateway unionpayB(SandboxProperties properties, Notifier notifier, BillFaults billFaults) throws Exception {
        return gateway(new UnionPayAcquirer("UNIONPAY_B", ACQUIRER_B_PATH, "paysuite.sandbox.unionpay-b", properties.unionpayB()),
                properties, notifier, billFaults);
    }

    private static UnionPayGateway gateway(UnionPayAcquirer acquirer, SandboxProperties properties, Notifier notifier,
                                           BillFaults billFaults) throws Exception {
        UnionPayKeys keys = new UnionPayKeys(acquirer);
        UnionPayGateway gateway = new UnionPayGateway(acquirer, properties.timeScale(), keys,
                new UnionPayNotifications(acquirer.channel(), notifier, keys));
        gateway.useBillFaults(billFaults);
        return gateway;
    }
}
