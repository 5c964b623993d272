package io.paysuite.accounting.config;

import io.paysuite.accounting.ledger.Balances;
import io.paysuite.accounting.ledger.EntryRules;
import io.paysuite.accounting.ledger.FeeRates;
import io.paysuite.accounting.ledger.Journal;
import io.paysuite.accounting.ledger.LedgerLookups;
import io.paysuite.accounting.ledger.LedgerTrail;
import io.paysuite.accounting.ledger.MerchantFeeRates;
import io.paysuite.accounting.ledger.MerchantStatement;
import io.paysuite.accounting.ledger.TradeEntries;
import io.paysuite.api.ids.OrderNo;
import java.time.Clock;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the ledger's plain-Java domain objects and the transaction shape of every ledger write. */
@Configuration(proxyBeanMethods = false)
public class LedgerConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Entry numbers; {@code paysuite.node} (0–99) is unique per running instance, set by the launcher. */
    @Bean
    OrderNo orderNo(Clock clock, NodeProperties node) {
        return new OrderNo(clock, node.node());
    }

    @Bean
    EntryRules entryRules(LedgerProperties properties) {
        return new EntryRules(Set.copyOf(properties.currencies()));
    }

    @Bean
    TradeEntries tradeEntries(EntryRules rules, FeeRates feeRates) {
        return new TradeEntries(rules, feeRates);
    }

    @Bean
    LedgerLookups ledgerLookups(EntryRules rules, Journal journal, Balances balances) {
        return new LedgerLookups(rules, journal, balances);
    }

    @Bean
    MerchantFeeRates merchantFeeRateChanges(FeeRates feeRates) {
        return new MerchantFeeRates(feeRates);
    }

    @Bean
    LedgerTrail ledgerTrail(Journal journal) {
        return new LedgerTrail(journal);
    }

    @Bean
    public MerchantStatement merchantStatement(Journal journal) {
        return new MerchantStatement(journal);
    }

    /**
     * Ledger writes run READ COMMITTED, set once on the pool
     * ({@code spring.datasource.hikari.transaction-isolation}) rather than per transaction, which
     * would cost two extra round trips per posting (set, then reset). Under REPEATABLE READ the
     * applier's {@code SELECT … FOR UPDATE} would take gap locks that block postings inserting
     * journal lines, for no benefit: every write is a guarded or additive update, and every
     * reader of balances is a single statement (one read view). The check fails start-up if the
     * pool is ever configured otherwise.
     */
    @Bean
    TransactionTemplate ledgerTransactions(PlatformTransactionManager transactions, Environment environment) {
        String isolation = environment.getProperty("spring.datasource.hikari.transaction-isolation");
        if (!"TRANSACTION_READ_COMMITTED".equals(isolation)) {
            throw new IllegalStateException("the ledger needs spring.datasource.hikari.transaction-isolation="
                    + "TRANSACTION_READ_COMMITTED, found " + isolation);
        }
        return new TransactionTemplate(transactions);
    }
}
