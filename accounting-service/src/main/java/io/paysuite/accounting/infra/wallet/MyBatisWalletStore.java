package io.paysuite.accounting.infra.wallet;

import io.paysuite.accounting.wallet.TransferStore;
import io.paysuite.accounting.wallet.WalletLines;
import io.paysuite.accounting.wallet.Withdrawal;
import io.paysuite.accounting.wallet.WithdrawalStore;
import io.paysuite.accounting.wallet.WithdrawalTransitions;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.money.Money;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.api.wallet.WalletTransferDTO;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/**
 * The wallet's tables on the ledger's database. The writes ({@link #record}, {@link #insert},
 * {@link #transition}) are called inside a journal posting's transaction and join it; the unique keys
 * and the conditional updates decide every race, never a check before the write.
 */
@Repository
public class MyBatisWalletStore implements TransferStore, WithdrawalStore, WalletLines {

    private final WalletMapper mapper;

    public MyBatisWalletStore(WalletMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Optional<WalletTransferDTO> findTransfer(String fromBuyerId, String requestNo) {
        return Optional.ofNullable(mapper.findTransfer(fromBuyerId, requestNo)).map(MyBatisWalletStore::transfer);
    }

    @Override
    public void record(WalletTransferDTO t, LocalDate day, long dailyLimit) {
        TransferRow row = new TransferRow();
        row.transferNo = t.transferNo();
        row.fromBuyerId = t.fromBuyerId();
        row.requestNo = t.requestNo();
        row.toBuyerId = t.toBuyerId();
        row.amountMinor = t.amount().minor();
        row.currency = t.amount().currency();
        row.postingKey = t.postingKey();
        row.transferDay = day;
        row.createdAt = utc(t.createdAt());
        mapper.insertTransfer(row); // first: a parallel duplicate waits here, then fails on the key
        mapper.openDay(t.fromBuyerId(), day, t.amount().currency());
        if (mapper.addToDay(t.fromBuyerId(), day, t.amount().currency(), t.amount().minor(), dailyLimit) == 0) {
            throw new BizException(ErrorCode.TRANSFER_LIMIT_EXCEEDED, "transfers of " + day + " would pass the daily limit of "
                    + dailyLimit);
        }
    }

    @Override
    public Optional<Withdrawal> findWithdrawal(String buyerId, String requestNo) {
        return Optional.ofNullable(mapper.findWithdrawal(buyerId, requestNo)).map(MyBatisWalletStore::withdrawal);
    }

    @Override
    public Optional<Withdrawal> findByNo(String withdrawalNo) {
        return Optional.ofNullable(mapper.findWithdrawalByNo(withdrawalNo)).map(MyBatisWalletStore::withdrawal);
    }

    @Override
    public void insert(Withdrawal w) {
        WithdrawalRow row = new WithdrawalRow();
        row.withdrawalNo = w.withdrawalNo();
        row.buyerId = w.buyerId();
        row.requestNo = w.requestNo();
        row.cardId = w.cardId();
        row.cardLastFour = w.cardLastFour();
        row.amountMinor = w.amount().minor();
        row.currency = w.amount().currency();
        row.status = w.status().name();
        row.createdAt = utc(w.createdAt());
        row.finishedAt = w.finishedAt() == null ? null : utc(w.finishedAt());
        mapper.insertWithdrawal(row);
    }

    @Override
    public boolean transition(String withdrawalNo, PayoutStatus from, PayoutStatus to, Instant at) {
        WithdrawalTransitions.TABLE.require(from, to);
        return mapper.transition(withdrawalNo, from.name(), to.name(), utc(at)) == 1;
    }

    @Override
    public List<String> processing(Instant before, int limit) {
        return mapper.processing(utc(before), limit);
    }

    @Override
    public List<Line> newest(String accountCode, int limit) {
        return mapper.newestLines(accountCode, limit).stream().map(r -> new Line(r.entryNo, r.bizType, r.bizNo,
                AccountType.Side.valueOf(r.side), r.amount, r.currency, r.postedAt.toInstant(ZoneOffset.UTC))).toList();
    }

    private static WalletTransferDTO transfer(TransferRow r) {
        return new WalletTransferDTO(r.transferNo, r.fromBuyerId, r.toBuyerId, Money.of(r.amountMinor, r.currency), r.requestNo,
                r.postingKey, r.createdAt.toInstant(ZoneOffset.UTC));
    }

    private static Withdrawal withdrawal(WithdrawalRow r) {
        return new Withdrawal(r.withdrawalNo, r.buyerId, r.requestNo, r.cardId, r.cardLastFour, Money.of(r.amountMinor, r.currency),
                PayoutStatus.valueOf(r.status), r.createdAt.toInstant(ZoneOffset.UTC),
                r.finishedAt == null ? null : r.finishedAt.toInstant(ZoneOffset.UTC));
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
