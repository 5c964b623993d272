package io.paysuite.accounting.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.AccountType.Side;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.trail.TrailEventDTO;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LedgerTrailTest {

    static final String TRADE_NO = "T2026112210000003000000519";
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    final List<JournalEntryDTO> entries = List.of(
            new JournalEntryDTO("J1", "P1", "PAYMENT", TRADE_NO, "CNY", List.of(
                    line(AccountType.BUYER_WALLET, "U1", Side.DEBIT, 100),
                    line(AccountType.MERCHANT_PENDING, "M1", Side.CREDIT, 99),
                    line(AccountType.PLATFORM_FEE_INCOME, AccountRef.PLATFORM, Side.CREDIT, 1)), T0),
            new JournalEntryDTO("J2", "R1", "REFUND", TRADE_NO, "CNY", List.of(
                    line(AccountType.MERCHANT_PENDING, "M1", Side.DEBIT, 30),
                    line(AccountType.BUYER_WALLET, "U1", Side.CREDIT, 30)), T0.plusSeconds(9)));

    final Journal journal = new Journal() {
        @Override
        public JournalEntryDTO post(EntryDraft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<JournalEntryDTO> entryByKey(String postingKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<JournalEntryDTO> entriesOf(String bizNo) {
            return entries.stream().filter(e -> e.bizNo().equals(bizNo)).toList();
        }

        @Override
        public java.util.List<Touching> entriesTouching(java.util.List<String> accountCodes, java.time.Instant from,
                                                        java.time.Instant to, int limit) {
            return entries.stream().filter(e -> e.lines().stream().anyMatch(l -> accountCodes.contains(l.account().code())))
                    .map(e -> new Touching(e, null)).toList();
        }

        @Override
        public JournalEntryDTO post(TradePosting posting) {
            throw new UnsupportedOperationException();
        }
    };

    final LedgerTrail trail = new LedgerTrail(journal);

    @Test
    void eachEntryOfTheTradeIsOneStepWithItsLinesInOneLine() {
        List<TrailEventDTO> steps = trail.trail(TRADE_NO);

        assertThat(steps).containsExactly(
                new TrailEventDTO("accounting-service", T0, "JOURNAL_PAYMENT", "J1",
                        "D buyer wallet U1 100 / C merchant pending M1 99 / C fee 1"),
                new TrailEventDTO("accounting-service", T0.plusSeconds(9), "JOURNAL_REFUND", "J2",
                        "D merchant pending M1 30 / C buyer wallet U1 30"));
    }

    @Test
    void aBizNoWithoutEntriesHasAnEmptyTrailAndABlankOneIsRefused() {
        assertThat(trail.trail("T0000000000000000000000000")).isEmpty();
        assertThatThrownBy(() -> trail.trail(" "))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PARAM_ERROR));
    }

    @Test
    void platformAccountsAreNamedWithoutTheirOwner() {
        assertThat(LedgerTrail.label(new AccountRef(AccountType.PLATFORM_FUNDING, AccountRef.PLATFORM, "CNY")))
                .isEqualTo("platform funding");
        assertThat(LedgerTrail.label(new AccountRef(AccountType.ESCROW, "M1", "CNY"))).isEqualTo("escrow M1");
    }

    private static PostingLine line(AccountType type, String owner, Side side, long amount) {
        return new PostingLine(new AccountRef(type, owner, "CNY"), side, amount);
    }

    @Test
    void aMerchantStatementSplitsEachEntryIntoGrossFeeNetAndHeld() {
        MerchantStatement statement = new MerchantStatement(journal);
        var lines = statement.of(new io.paysuite.api.ledger.MerchantStatementQry("M1", "CNY", T0.minusSeconds(60), T0.plusSeconds(60)));
        org.assertj.core.api.Assertions.assertThat(lines).hasSize(2);
        var payment = lines.get(0);
        org.assertj.core.api.Assertions.assertThat(payment.bizType()).isEqualTo("PAYMENT");
        org.assertj.core.api.Assertions.assertThat(payment.gross()).isEqualTo(payment.fee() + payment.net() + payment.held());
        var refund = lines.get(1);
        org.assertj.core.api.Assertions.assertThat(refund.gross()).isEqualTo(-30);
        org.assertj.core.api.Assertions.assertThat(refund.net()).isEqualTo(-30);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> statement.of(new io.paysuite.api.ledger.MerchantStatementQry("M1", "CNY",
                T0, T0.plus(java.time.Duration.ofDays(32))))).isInstanceOf(io.paysuite.api.error.BizException.class);
    }
}
