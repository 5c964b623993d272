package io.paysuite.cashier.infra.ops;

import static io.paysuite.cashier.infra.ops.MyBatisOperatorStore.instant;
import static io.paysuite.cashier.infra.ops.MyBatisOperatorStore.utc;

import io.paysuite.cashier.infra.ops.AuditLogMapper.AuditDO;
import io.paysuite.cashier.ops.audit.AuditChain;
import io.paysuite.cashier.ops.audit.AuditEntry;
import io.paysuite.cashier.ops.audit.AuditLog;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link AuditLog} in cashier-service's database. An append locks the last row ({@code SELECT … FOR UPDATE}), chains
 * to its hash and inserts, in one transaction: appends from every instance line up into one chain. Times are cut to
 * the column's milliseconds before hashing, so the stored row hashes to what it was given.
 */
@Component
public class MyBatisAuditLog implements AuditLog {

    private final AuditLogMapper mapper;
    private final TransactionTemplate transactions;

    public MyBatisAuditLog(AuditLogMapper mapper, PlatformTransactionManager transactionManager) {
        this.mapper = mapper;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setName("ops-audit-append");
    }

    @Override
    public AuditEntry append(AuditEntry.Draft given) {
        AuditEntry.Draft d = new AuditEntry.Draft(given.at().truncatedTo(ChronoUnit.MILLIS), given.actor(), given.actorRole(),
                given.action(), given.method(), given.path(), given.targetIds(), given.requestBody(), given.status(),
                given.responseSummary(), given.before(), given.after(), given.remoteAddr());
        return transactions.execute(tx -> {
            String last = mapper.lastHashForAppend();
            AuditEntry chained = d.chainedTo(0, last == null ? AuditChain.GENESIS : last);
            AuditLogMapper.NewRow row = new AuditLogMapper.NewRow(new AuditDO(0, utc(d.at()), d.actor(), d.actorRole(), d.action(),
                    d.method(), d.path(), d.targetIds(), d.requestBody(), d.status(), d.responseSummary(), d.before(), d.after(),
                    d.remoteAddr(), chained.prevHash(), chained.rowHash()));
            mapper.insert(row);
            return d.chainedTo(row.auditId == null ? 0 : row.auditId, chained.prevHash());
        });
    }

    @Override
    public List<AuditEntry> newest(String actor, Long beforeId, int limit) {
        return mapper.newest(actor, beforeId, limit).stream().map(MyBatisAuditLog::entry).toList();
    }

    @Override
    public List<AuditEntry> ascending(long afterId, int limit) {
        return mapper.ascending(afterId, limit).stream().map(MyBatisAuditLog::entry).toList();
    }

    private static AuditEntry entry(AuditDO r) {
        return new AuditEntry(r.auditId(), instant(r.at()), r.actor(), r.actorRole(), r.action(), r.method(), r.path(), r.targetIds(),
                r.requestBody(), r.status(), r.responseSummary(), r.beforeState(), r.afterState(), r.remoteAddr(), r.prevHash(),
                r.rowHash());
    }
}
