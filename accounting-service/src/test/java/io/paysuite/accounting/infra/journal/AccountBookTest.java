package io.paysuite.accounting.infra.journal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.kit.shadow.ShadowContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Accounts are opened once per side: the shadow side's database does not have what the real side opened. */
class AccountBookTest {

    private final AccountMapper mapper = mock(AccountMapper.class);
    private final AccountBook book = new AccountBook(mapper, Clock.fixed(Instant.parse("2026-12-07T01:00:00Z"), ZoneOffset.UTC));
    private final List<PostingLine> funding = List.of(new PostingLine(new AccountRef(AccountType.BUYER_WALLET, "U1", "CNY"),
            AccountType.Side.CREDIT, 100));
    private final String wallet = funding.get(0).account().code();

    @Test
    void anAccountIsOpenedOnceOnEachSide() {
        book.openAll(funding);
        book.openAll(funding);
        try (ShadowContext.Scope load = ShadowContext.enter()) {
            book.openAll(funding); // the real side's opening does not open it on the shadow side
            book.openAll(funding);
        }
        book.openAll(funding);

        verify(mapper, times(2)).open(eq(wallet), eq("BUYER_WALLET"), eq("U1"), eq("CNY"), any());
    }
}
