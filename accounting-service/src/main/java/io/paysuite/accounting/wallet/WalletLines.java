package io.paysuite.accounting.wallet;

import io.paysuite.api.ledger.AccountType;
import java.time.Instant;
import java.util.List;

/** The journal lines of one account, newest first (port; infra reads the ledger's own tables). */
public interface WalletLines {

    List<Line> newest(String accountCode, int limit);

    record Line(String entryNo, String bizType, String bizNo, AccountType.Side side, long amount, String currency,
                Instant postedAt) {
    }
}
