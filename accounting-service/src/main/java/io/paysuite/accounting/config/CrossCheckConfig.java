package io.paysuite.accounting.config;

import io.paysuite.api.ApiVersion;
import io.paysuite.accounting.crosscheck.CrossCheckAlarms;
import io.paysuite.accounting.crosscheck.CrossCheckFindings;
import io.paysuite.accounting.crosscheck.InternalReconciliation;
import io.paysuite.accounting.crosscheck.PendingChecks;
import io.paysuite.accounting.crosscheck.TradeRecords;
import io.paysuite.accounting.crosscheck.TradeSidesReader;
import io.paysuite.accounting.ledger.Journal;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.refund.RefundService;
import io.paysuite.api.trade.TradeService;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.config.spring.ReferenceBean;
import org.apache.dubbo.config.spring.reference.ReferenceBeanBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Internal reconciliation's wiring: the read methods of the services whose records it compares with
 * the journal (no guarded method among them), and its domain objects. No retries: a read that fails
 * leaves the check for its next round.
 */
@Configuration(proxyBeanMethods = false)
public class CrossCheckConfig {

    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<TradeService> tradeService() {
        return new ReferenceBeanBuilder().build();
    }

    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<PayService> payService() {
        return new ReferenceBeanBuilder().build();
    }

    /** A read of a channel order answers from the gateway's table, without asking the channel. */
    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<ChannelService> channelService() {
        return new ReferenceBeanBuilder().build();
    }

    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<RefundService> refundService() {
        return new ReferenceBeanBuilder().build();
    }

    @Bean
    TradeSidesReader tradeSidesReader(TradeService trades, PayService payments, ChannelService channels, RefundService refunds,
                                      Journal journal) {
        return new TradeSidesReader(trades, payments, channels, refunds, journal);
    }

    @Bean
    InternalReconciliation internalReconciliation(TradeRecords reader, PendingChecks pending, CrossCheckFindings findings,
                                                  CrossCheckAlarms alarms, Clock clock) {
        return new InternalReconciliation(reader, pending, findings, alarms, clock);
    }
}
