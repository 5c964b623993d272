package io.paysuite.cashier.ops.audit;

import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log, read-only ({@code GET /ops/api/v1/audit}, VIEWER): newest first, by actor, paged with
 * {@code before_id}; {@code GET /ops/api/v1/audit/verify} walks the whole hash chain.
 */
@RestController
@RequestMapping(path = "/ops/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
public class AuditController {

    private static final int PAGE = 1000;

    public record AuditPage(List<AuditEntry> data, Long nextBeforeId) {
    }

    public record ChainView(boolean intact, long checked, Long firstBrokenId) {
    }

    private final AuditLog auditLog;

    public AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping
    public AuditPage list(@RequestParam(name = "actor", required = false) String actor,
                          @RequestParam(name = "before_id", required = false) Long beforeId,
                          @RequestParam(name = "limit", defaultValue = "100") int limit) {
        int size = Math.max(1, Math.min(500, limit));
        List<AuditEntry> page = auditLog.newest(actor == null || actor.isBlank() ? null : actor.strip(), beforeId, size);
        return new AuditPage(page, page.size() < size ? null : page.get(page.size() - 1).auditId());
    }

    @GetMapping("/verify")
    public ChainView verify() {
        long after = 0;
        long checked = 0;
        String previous = AuditChain.GENESIS;
        while (true) {
            List<AuditEntry> batch = auditLog.ascending(after, PAGE);
            if (batch.isEmpty()) {
                return new ChainView(true, checked, null);
            }
            Optional<AuditEntry> broken = AuditChain.firstBroken(previous, batch);
            if (broken.isPresent()) {
                return new ChainView(false, checked, broken.get().auditId());
            }
            checked += batch.size();
            previous = batch.get(batch.size() - 1).rowHash();
            after = batch.get(batch.size() - 1).auditId();
        }
    }
}
