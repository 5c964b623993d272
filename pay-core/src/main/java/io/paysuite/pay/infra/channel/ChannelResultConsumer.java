package io.paysuite.pay.infra.channel;

import io.paysuite.api.event.EventType;
import io.paysuite.kit.mq.EventCodec;
import io.paysuite.kit.mq.EventConsumer;
import io.paysuite.kit.mq.Handled;
import io.paysuite.kit.mq.Subscription;
import io.paysuite.pay.infra.PayProperties;
import io.paysuite.pay.order.PayOrchestrator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * channel-gateway's "this channel order is final" announcements ({@code CHANNEL_ORDER_FINAL}): the pay
 * order is finished now through {@link PayOrchestrator#recover}, which asks the gateway (idempotent)
 * and applies its answer — the message carries only the pay order number, never a result to trust.
 * Without it the pay order's own delayed check would do the same, later.
 *
 * <p>The gateway announces only results it found outside a charge call (a notification, its own follow-ups, a
 * bill): a charge's answer goes to its caller, this service, which finishes the pay order from it. A pay order
 * that {@link PayOrchestrator#pay} in this process is charging right now is left to that charge (and, should it
 * end unsure, to the pay order's delayed check): finishing it here as well would repeat the charge, the ledger post
 * and the success that loses its compare-and-set.
 */
@Configuration(proxyBeanMethods = false)
public class ChannelResultConsumer {

    private static final Logger log = LoggerFactory.getLogger(ChannelResultConsumer.class);

    @Bean
    EventConsumer payChannelResults(PayProperties properties, @Lazy PayOrchestrator orchestrator) {
        // the gateway's topic also carries PAYOUT_FINAL (a payout number is no pay order's: looked up as one it failed
        // its shard routing and came back for hours); a redelivery of one subscribed before is let go
        return new EventConsumer(Subscription.of("paysuite-pay-channel-result", properties.namesrv(),
                properties.channelResultTopic(), EventType.CHANNEL_ORDER_FINAL.tag(), 5_000), message -> {
                    if (!EventType.CHANNEL_ORDER_FINAL.tag().equals(message.getTags())) {
                        return Handled.DONE;
                    }
                    String payOrderNo = EventCodec.decode(EventType.CHANNEL_ORDER_FINAL, message).payOrderNo();
                    if (orchestrator.charging(payOrderNo)) {
                        log.debug("pay order {} is being charged here; its channel result is that charge's", payOrderNo);
                        return Handled.DONE;
                    }
                    if (orchestrator.recover(payOrderNo)) {
                        return Handled.DONE;
                    }
                    log.info("pay order {} not final after its channel result; retrying", payOrderNo);
                    return Handled.RETRY;
                });
    }
}
