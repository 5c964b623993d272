package io.paysuite.cashier.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.cashier.infra.ops.AuditLogMapper;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Update;
import org.junit.jupiter.api.Test;

class AuditLogImmutabilityTest {

    final InMemoryAuditLog log = new InMemoryAuditLog();
    final AuditController controller = new AuditController(log);

    @Test
    void theAuditLogCanOnlyBeAppendedToAndRead() {
        assertThat(Arrays.stream(AuditLog.class.getDeclaredMethods()).map(Method::getName))
                .containsExactlyInAnyOrder("append", "newest", "ascending");
        for (Method method : AuditLogMapper.class.getDeclaredMethods()) {
            assertThat(method.isAnnotationPresent(Update.class) || method.isAnnotationPresent(Delete.class))
                    .as(method.getName()).isFalse();
        }
        assertThat(Arrays.stream(AuditLogMapper.class.getDeclaredMethods()).map(Method::getName))
                .allMatch(name -> name.equals("insert") || name.equals("newest") || name.equals("ascending")
                        || name.equals("lastHashForAppend"));
    }

    @Test
    void theTableRefusesUpdatesAndDeletesByTrigger() throws Exception {
        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/V4__ops_audit_log.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(migration).contains("BEFORE UPDATE ON ops_audit_log FOR EACH ROW\n    SIGNAL SQLSTATE '45000'")
                .contains("BEFORE DELETE ON ops_audit_log FOR EACH ROW\n    SIGNAL SQLSTATE '45000'");
    }

    @Test
    void eachLineIsChainedToTheOneBeforeAndTheChainVerifies() {
        append("alice", "/ops/api/v1/notifications/E1/resend");
        append("bob", "/ops/api/v1/reconciliations/differences/7/resolve");
        append("ops-token", "/ops/api/v1/settlements/runs");

        assertThat(log.rows.get(0).prevHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(log.rows.get(1).prevHash()).isEqualTo(log.rows.get(0).rowHash());
        assertThat(controller.verify()).isEqualTo(new AuditController.ChainView(true, 3, null));
    }

    @Test
    void aLineEditedBehindTheCodesBackBreaksTheChainThere() {
        append("alice", "/ops/api/v1/notifications/E1/resend");
        append("bob", "/ops/api/v1/reconciliations/differences/7/resolve");
        append("carol", "/ops/api/v1/settlements/runs");
        AuditEntry honest = log.rows.get(1);
        log.rows.set(1, new AuditEntry(honest.auditId(), honest.at(), "someone-else", honest.actorRole(), honest.action(),
                honest.method(), honest.path(), honest.targetIds(), honest.requestBody(), honest.status(), honest.responseSummary(),
                honest.before(), honest.after(), honest.remoteAddr(), honest.prevHash(), honest.rowHash()));

        assertThat(controller.verify()).isEqualTo(new AuditController.ChainView(false, 0, 2L));
    }

    @Test
    void aDeletedLineBreaksTheChainAtTheLineAfterIt() {
        append("alice", "/a");
        append("bob", "/b");
        append("carol", "/c");
        log.rows.remove(1);

        assertThat(controller.verify().intact()).isFalse();
        assertThat(controller.verify().firstBrokenId()).isEqualTo(3L);
    }

    @Test
    void theLogReadsNewestFirstByActorAndPages() {
        for (int i = 0; i < 5; i++) {
            append(i % 2 == 0 ? "alice" : "bob", "/p" + i);
        }
        AuditController.AuditPage page = controller.list("alice", null, 2);

        assertThat(page.data()).extracting(AuditEntry::path).containsExactly("/p4", "/p2");
        assertThat(controller.list("alice", page.nextBeforeId(), 2).data()).extracting(AuditEntry::path).containsExactly("/p0");
    }

    private void append(String actor, String path) {
        log.append(new AuditEntry.Draft(Instant.parse("2026-12-01T08:00:00Z").plusSeconds(log.rows.size()), actor, "OPERATOR",
                "REQUEST", "POST", path, null, "{}", 200, "{}", null, null, "127.0.0.1"));
    }

}
