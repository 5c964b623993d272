package io.paysuite.accounting.ledger;

import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.trail.TrailEventDTO;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The ledger's part of a trade's trail: each journal entry whose {@code biz_no} is the trade
 * number as one step {@code JOURNAL_<biz_type>} at its posting time, referenced by entry number,
 * its lines in one compact line an operator can check by eye, e.g.
 * {@code D buyer wallet U1 1000 / C merchant pending M1 994 / C fee 6} (minor units, the entry's
 * currency). Read-only.
 */
public final class LedgerTrail {

    static final String SOURCE = "accounting-service";
    static final String TYPE_PREFIX = "JOURNAL_";

    private final Journal journal;

    public LedgerTrail(Journal journal) {
        this.journal = journal;
    }

    public List<TrailEventDTO> trail(String bizNo) {
        EntryRules.requireText(bizNo, "bizNo", EntryRules.MAX_KEY);
        return journal.entriesOf(bizNo).stream()
                .map(entry -> new TrailEventDTO(SOURCE, entry.postedAt(), TYPE_PREFIX + entry.bizType(), entry.entryNo(),
                        lines(entry)))
                .toList();
    }

    static String lines(JournalEntryDTO entry) {
        return entry.lines().stream().map(LedgerTrail::line).collect(Collectors.joining(" / "));
    }

    private static String line(PostingLine line) {
        return (line.side() == AccountType.Side.DEBIT ? "D " : "C ") + label(line.account()) + " " + line.amount();
    }

    /** The account without its currency; platform accounts without the owner ("fee", "platform funding"). */
    static String label(AccountRef account) {
        if (account.type() == AccountType.PLATFORM_FEE_INCOME) {
            return "fee";
        }
        String type = account.type().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return AccountRef.PLATFORM.equals(account.ownerId()) ? type : type + " " + account.ownerId();
    }
}
