package io.paysuite.accounting.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.AccountType.Side;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.ledger.StatementLineDTO;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerchantStatementSharesTest {

    /** M1 shares 3000 of its 9940 with M2 and keeps 6940 held. */
    static final JournalEntryDTO SHARE = new JournalEntryDTO("J1", "SHARE-PS1", "PROFIT_SHARE", "T1", "CNY", List.of(
            new PostingLine(new AccountRef(AccountType.MERCHANT_PENDING, "M2", "CNY"), Side.CREDIT, 3_000),
            new PostingLine(new AccountRef(AccountType.PROFIT_SHARING_HELD, "M1", "CNY"), Side.CREDIT, 6_940),
            new PostingLine(new AccountRef(AccountType.MERCHANT_PENDING, "M1", "CNY"), Side.DEBIT, 9_940)), Instant.EPOCH);

    @Test
    void aShareIsTheSharersShareOutWithGrossEqualToNetPlusHeld() {
        StatementLineDTO line = MerchantStatement.line(SHARE, "M1");
        assertThat(line.gross()).isEqualTo(-3_000);
        assertThat(line.fee()).isZero();
        assertThat(line.net()).isEqualTo(-9_940);
        assertThat(line.held()).isEqualTo(6_940);
        assertThat(line.gross()).isEqualTo(line.fee() + line.net() + line.held());
    }

    @Test
    void aShareIsTheReceiversShareIn() {
        StatementLineDTO line = MerchantStatement.line(SHARE, "M2");
        assertThat(line.gross()).isEqualTo(3_000);
        assertThat(line.net()).isEqualTo(3_000);
        assertThat(line.held()).isZero();
    }

    /** A refund of 8000 (fee 48 back) took 6940 from M1's hold and 1012 back from receiver M2. */
    static final JournalEntryDTO REFUND = new JournalEntryDTO("J2", "RF1", "REFUND", "T1", "CNY", List.of(
            new PostingLine(new AccountRef(AccountType.PROFIT_SHARING_HELD, "M1", "CNY"), Side.DEBIT, 6_940),
            new PostingLine(new AccountRef(AccountType.MERCHANT_PENDING, "M2", "CNY"), Side.DEBIT, 1_012),
            new PostingLine(new AccountRef(AccountType.PLATFORM_FEE_INCOME, AccountRef.PLATFORM, "CNY"), Side.DEBIT, 48),
            new PostingLine(new AccountRef(AccountType.BUYER_WALLET, "U1", "CNY"), Side.CREDIT, 8_000)), Instant.EPOCH);

    @Test
    void aRefundTakingSharesBackIsARowOfEachMerchantThatAddsUpToTheBuyersRefund() {
        StatementLineDTO sharer = MerchantStatement.line(REFUND, "M1", "M1");
        StatementLineDTO receiver = MerchantStatement.line(REFUND, "M2", "M1");

        assertThat(sharer.gross()).isEqualTo(sharer.fee() + sharer.net() + sharer.held()).isEqualTo(-6_988);
        assertThat(receiver.gross()).isEqualTo(receiver.fee() + receiver.net() + receiver.held()).isEqualTo(-1_012);
        assertThat(receiver.fee()).isZero();
        assertThat(sharer.gross() + receiver.gross()).isEqualTo(-8_000);
    }
}
