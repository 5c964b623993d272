package io.paysuite.accounting.config;

import io.paysuite.accounting.ledger.EntryRules;
import io.paysuite.accounting.ledger.FeeRates;
import io.paysuite.accounting.ledger.Journal;
import io.paysuite.accounting.ledger.TradeEntries;
import io.paysuite.api.ids.OrderNo;
import java.time.Clock;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
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
    TradeEntries tradeEntries(EntryRules rules, FeeRates feeRates, Journal journal) {
        return new TradeEntries(rules, feeRates, journal);
    }

    /**
     * READ COMMITTED: ledger writes lock exactly the rows they touch. Under REPEATABLE READ the
     * applier's {@code SELECT … FOR UPDATE} would take gap locks that block postings inserting
     * journal lines, for no benefit: every write is a guarded or additive update.
     */
    @Bean
    TransactionTemplate ledgerTransactions(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return template;
    }
}
