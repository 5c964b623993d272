package io.paysuite.accounting.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.paysuite.accounting.ledger.EntryRules;
import io.paysuite.accounting.ledger.Journal;
import io.paysuite.accounting.wallet.Members;
import io.paysuite.accounting.wallet.TransferStore;
import io.paysuite.accounting.wallet.WalletEntries;
import io.paysuite.accounting.wallet.WalletLines;
import io.paysuite.accounting.wallet.WalletMovements;
import io.paysuite.accounting.wallet.WalletNumbers;
import io.paysuite.accounting.wallet.WalletTransfers;
import io.paysuite.accounting.wallet.WalletWithdrawals;
import io.paysuite.accounting.wallet.WithdrawalStore;
import io.paysuite.api.ApiVersion;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.payout.PayoutService;
import io.paysuite.kit.sweep.Sweep;
import java.time.Clock;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.config.spring.ReferenceBean;
import org.apache.dubbo.config.spring.reference.ReferenceBeanBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the buyer's wallet (transfers, withdrawals, movements) and member-service, which it asks about buyers and cards. */
@Configuration(proxyBeanMethods = false)
public class WalletConfig {

    /** Payment passwords, receivers by phone (guarded: only accounting-service), buyers' cards. */
    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<MemberService> memberService() {
        return new ReferenceBeanBuilder().build();
    }

    @Bean
    WalletEntries walletEntries(EntryRules rules) {
        return new WalletEntries(rules);
    }

    @Bean
    WalletNumbers walletNumbers(OrderNo orderNo) {
        return new WalletNumbers(orderNo);
    }

    @Bean
    WalletTransfers walletTransfers(MemberService members, TransferStore store, WalletEntries entries, Journal journal,
                                    WalletNumbers numbers, WalletProperties properties, Clock clock) {
        return new WalletTransfers(new Members(members), store, entries, journal, numbers, properties.transferDailyLimit(),
                properties.zone(), clock);
    }

    @Bean
    WalletWithdrawals walletWithdrawals(MemberService members, WithdrawalStore store, WalletEntries entries, Journal journal,
                                        WalletNumbers numbers, PayoutService payouts, Clock clock) {
        return new WalletWithdrawals(new Members(members), store, entries, journal, numbers, payouts, clock);
    }

    @Bean
    WalletMovements walletMovements(WalletLines lines) {
        return new WalletMovements(lines);
    }

    /** The janitor of withdrawals still {@code PROCESSING}, driven by {@code infra.wallet.WalletJobs}. */
    @Bean
    Sweep<String> withdrawalSweep(WithdrawalStore store, WalletWithdrawals withdrawals, WalletProperties properties, Clock clock,
                                  MeterRegistry meters) {
        return new Sweep<>(new Sweep.Plan("processing withdrawals", properties.sweepAfter(), 200), store::processing,
                withdrawals::advance, clock, meters);
    }
}
