package io.paysuite.accounting.infra.settlement;

import io.paysuite.accounting.config.SettlementProperties;
import io.paysuite.accounting.settlement.SettlementPayouts;
import io.paysuite.api.event.EventType;
import io.paysuite.kit.mq.EventCodec;
import io.paysuite.kit.mq.EventConsumer;
import io.paysuite.kit.mq.Handled;
import io.paysuite.kit.mq.Subscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * channel-gateway's "this payout is final" announcements ({@code PAYOUT_FINAL}, KEY body: the payout
 * number): the settlement that owns the payout is driven on at once through
 * {@link SettlementPayouts#payoutFinal}, which asks {@code PayoutService.get} — the message carries
 * no result to trust. A payout that is not a settlement's (a buyer's withdrawal) is not ours here.
 * Without the message the sweep does the same, later.
 */
@Configuration(proxyBeanMethods = false)
public class SettlementMessaging {

    @Bean
    EventConsumer settlementPayoutResults(SettlementProperties properties, @Lazy SettlementPayouts payouts) {
        return new EventConsumer(Subscription.of(properties.payoutGroup(), properties.namesrv(), properties.payoutTopic(),
                EventType.PAYOUT_FINAL.tag(), 10_000), message -> {
                    payouts.payoutFinal(EventCodec.decode(EventType.PAYOUT_FINAL, message).payoutNo());
                    return Handled.DONE;
                });
    }
}
