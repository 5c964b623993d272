package io.paysuite.accounting.infra.sharing;

import io.paysuite.accounting.sharing.SharingOrder;
import io.paysuite.accounting.sharing.SharingStore;
import io.paysuite.accounting.sharing.SharingTransitions;
import io.paysuite.api.money.Money;
import io.paysuite.api.sharing.SharingOrderStatus;
import io.paysuite.api.sharing.SharingReceiverResult;
import io.paysuite.api.sharing.SharingReturnDTO;
import io.paysuite.kit.jdbc.DuplicateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link SharingStore} on the ledger's database. The unique keys (merchant + out_order_no, merchant +
 * out_return_no) decide every race; {@link #finish} is one transaction of two compare-and-sets, each
 * asked of {@link SharingTransitions} first.
 */
@Repository
public class MyBatisSharingStore implements SharingStore {

    private final SharingMapper mapper;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public MyBatisSharingStore(SharingMapper mapper, TransactionTemplate transactions, Clock clock) {
        this.mapper = mapper;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public boolean insert(SharingOrder order) {
        return DuplicateKey.inserted(() -> transactions.executeWithoutResult(status -> {
            mapper.insertOrder(row(order));
            if (!order.receivers().isEmpty()) {
                mapper.insertReceivers(receiverRows(order));
            }
        }));
    }

    @Override
    public Optional<SharingOrder> find(String orderNo) {
        return Optional.ofNullable(mapper.find(orderNo)).map(this::order);
    }

    @Override
    public Optional<SharingOrder> findByOutOrderNo(String merchantId, String outOrderNo) {
        return Optional.ofNullable(mapper.findByOut(merchantId, outOrderNo)).map(this::order);
    }

    @Override
    public boolean finish(SharingOrder order, SharingReceiverResult result, Instant at) {
        SharingTransitions.ORDER.require(order.status(), SharingOrderStatus.FINISHED);
        order.receivers().forEach(r -> SharingTransitions.RECEIVER.require(r.result(), result));
        Boolean moved = transactions.execute(status -> {
            if (mapper.transition(order.orderNo(), order.status().name(), SharingOrderStatus.FINISHED.name(), utc(at)) != 1) {
                return false;
            }
            order.receivers().stream().map(SharingOrder.Receiver::result).distinct()
                    .forEach(from -> mapper.receiversTo(order.orderNo(), from.name(), result.name()));
            return true;
        });
        return Boolean.TRUE.equals(moved);
    }

    @Override
    public boolean unfrozen(String tradeNo) {
        return mapper.unfreezes(tradeNo) > 0;
    }

    @Override
    public boolean settled(String merchantId, String tradeNo) {
        return mapper.settledItems(merchantId, tradeNo) > 0;
    }

    @Override
    public List<SharingOrder> processing(Instant before, int limit) {
        return mapper.processing(utc(before), limit).stream().map(this::order).toList();
    }

    @Override
    public boolean insertReturn(SharingReturnDTO giveBack, String digest) {
        SharingRows.ReturnRow row = new SharingRows.ReturnRow();
        row.returnNo = giveBack.returnNo();
        row.outReturnNo = giveBack.outReturnNo();
        row.orderNo = giveBack.orderNo();
        row.merchantId = giveBack.merchantId();
        row.receiverMerchantId = giveBack.receiverMerchantId();
        row.currency = giveBack.amount().currency();
        row.amount = giveBack.amount().minor();
        row.digest = digest;
        row.result = giveBack.result().name();
        row.createdAt = utc(giveBack.createdAt());
        return DuplicateKey.inserted(() -> mapper.insertReturn(row));
    }

    @Override
    public Optional<Returned> findReturn(String merchantId, String outReturnNo) {
        return Optional.ofNullable(mapper.findReturn(merchantId, outReturnNo)).map(row -> new Returned(new SharingReturnDTO(
                row.returnNo, row.outReturnNo, row.orderNo, row.merchantId, row.receiverMerchantId, Money.of(row.amount, row.currency),
                SharingReceiverResult.valueOf(row.result), instant(row.createdAt)), row.digest));
    }

    @Override
    public long returnedOf(String orderNo, String receiverMerchantId) {
        return mapper.returnedOf(orderNo, receiverMerchantId);
    }

    @Override
    public void returnSucceeded(String returnNo) {
        mapper.returnSucceeded(returnNo);
    }

    SharingOrder order(SharingRows.OrderRow row) {
        List<SharingOrder.Receiver> receivers = mapper.receivers(row.orderNo).stream().map(r -> new SharingOrder.Receiver(
                r.merchantId, r.amount, r.description, SharingReceiverResult.valueOf(r.result))).toList();
        return new SharingOrder(row.orderNo, row.outOrderNo, row.tradeNo, row.merchantId, row.currency, receivers, row.unfreeze,
                row.digest, SharingOrderStatus.valueOf(row.status), instant(row.createdAt), instant(row.finishedAt));
    }

    SharingRows.OrderRow row(SharingOrder order) {
        SharingRows.OrderRow row = new SharingRows.OrderRow();
        row.orderNo = order.orderNo();
        row.outOrderNo = order.outOrderNo();
        row.tradeNo = order.tradeNo();
        row.merchantId = order.merchantId();
        row.currency = order.currency();
        row.unfreeze = order.unfreeze();
        row.digest = order.digest();
        row.status = order.status().name();
        row.createdAt = utc(order.createdAt());
        row.updatedAt = utc(clock.instant());
        row.finishedAt = order.finishedAt() == null ? null : utc(order.finishedAt());
        return row;
    }

    private static List<SharingRows.ReceiverRow> receiverRows(SharingOrder order) {
        List<SharingRows.ReceiverRow> rows = new ArrayList<>();
        for (SharingOrder.Receiver r : order.receivers()) {
            SharingRows.ReceiverRow row = new SharingRows.ReceiverRow();
            row.orderNo = order.orderNo();
            row.lineNo = rows.size() + 1;
            row.merchantId = r.merchantId();
            row.amount = r.amount();
            row.description = r.description();
            row.result = r.result().name();
            rows.add(row);
        }
        return rows;
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
