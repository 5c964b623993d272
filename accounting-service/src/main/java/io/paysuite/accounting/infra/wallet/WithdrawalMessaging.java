package io.paysuite.accounting.infra.wallet;

import io.paysuite.accounting.config.SettlementProperties;
import io.paysuite.accounting.config.WalletProperties;
import io.paysuite.accounting.wallet.WalletWithdrawals;
import io.paysuite.api.event.EventType;
import io.paysuite.kit.mq.EventCodec;
import io.paysuite.kit.mq.EventConsumer;
import io.paysuite.kit.mq.Handled;
import io.paysuite.kit.mq.Subscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * channel-gateway's {@code PAYOUT_FINAL} (KEY body: the payout number) in a consumer group of its own, so
 * settlement's consumer is untouched: a withdrawal's payout drives the withdrawal on at once through
 * {@link WalletWithdrawals#payoutFinal}, which asks {@code PayoutService.get}. A settlement's payout is
 * not ours here. Without the message the sweep ({@link WalletJobs}) does the same, later.
 */
@Configuration(proxyBeanMethods = false)
public class WithdrawalMessaging {

    @Bean
    EventConsumer withdrawalPayoutResults(SettlementProperties settlement, WalletProperties wallet, WalletWithdrawals withdrawals) {
        return new EventConsumer(Subscription.of(wallet.payoutGroup(), settlement.namesrv(), settlement.payoutTopic(),
                EventType.PAYOUT_FINAL.tag(), 10_000), message -> {
                    withdrawals.payoutFinal(EventCodec.decode(EventType.PAYOUT_FINAL, message).payoutNo());
                    return Handled.DONE;
                });
    }
}
