package io.paysuite.cashier.ops.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The hash chain over the audit log: {@code row_hash = SHA-256(prev_hash | at | actor | … | after)}, the first
 * row's {@code prev_hash} being 64 zeros. The table's triggers refuse UPDATE and DELETE; the chain is what still
 * shows an edit made by someone who dropped them first. Times are hashed at millisecond precision, what the column
 * keeps.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(String prevHash, AuditEntry.Draft d) {
        String text = String.join("\u001f", prevHash, String.valueOf(d.at().truncatedTo(ChronoUnit.MILLIS).toEpochMilli()),
                d.actor(), d.actorRole(), d.action(), d.method(), d.path(), nz(d.targetIds()), nz(d.requestBody()),
                String.valueOf(d.status()), nz(d.responseSummary()), nz(d.before()), nz(d.after()), nz(d.remoteAddr()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256", e);
        }
    }

    /**
     * The first entry (in id order, continuing from {@code prevHash}) whose hashes do not hold, if any: its
     * {@code prev_hash} is not the previous row's hash, or its own hash is not what its fields give.
     */
    public static Optional<AuditEntry> firstBroken(String prevHash, List<AuditEntry> ascending) {
        String previous = prevHash;
        for (AuditEntry entry : ascending) {
            if (!entry.prevHash().equals(previous) || !entry.rowHash().equals(hash(previous, entry.draft()))) {
                return Optional.of(entry);
            }
            previous = entry.rowHash();
        }
        return Optional.empty();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
