package io.paysuite.accounting.infra.journal;

import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.kit.shadow.ShadowContext;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Opens accounts on their first posting. Opening runs before the posting's transaction, each in its
 * own autocommit {@code INSERT IGNORE}: inserting account rows inside the posting would put
 * unique-index locks of new codes among the row locks taken in code order, a deadlock source.
 * A posting refused afterwards leaves an opened, empty account — harmless: all zeros, no lines.
 *
 * <p>What it remembers is remembered per side: load traffic writes to the shadow database, where an account the
 * real side opened long ago does not exist yet (one cache for both skipped the shadow side's opening, and its first
 * posting to that account was refused as if the account were empty).
 */
@Component
class AccountBook {

    /** Codes known to exist; a cache only (forgetting is safe: INSERT IGNORE is idempotent). */
    private static final int REMEMBERED = 100_000;

    private final AccountMapper accounts;
    private final Clock clock;
    private final Set<String> opened = ConcurrentHashMap.newKeySet();
    private final Set<String> openedOnTheShadowSide = ConcurrentHashMap.newKeySet();

    AccountBook(AccountMapper accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    void openAll(Iterable<PostingLine> lines) {
        Set<String> opened = ShadowContext.active() ? openedOnTheShadowSide : this.opened;
        for (PostingLine line : lines) {
            AccountRef ref = line.account();
            String code = ref.code();
            if (!opened.contains(code)) {
                accounts.open(code, ref.type().name(), ref.ownerId(), ref.currency(), LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
                if (opened.size() >= REMEMBERED) {
                    opened.clear();
                }
                opened.add(code);
            }
        }
    }
}
