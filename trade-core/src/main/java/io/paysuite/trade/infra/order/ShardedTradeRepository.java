package io.paysuite.trade.infra.order;

import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.FundedBy;
import io.paysuite.trade.order.TradePromotion;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.kit.jdbc.DuplicateKey;
import io.paysuite.trade.order.Trade;
import io.paysuite.trade.order.TradeRepository;
import io.paysuite.trade.order.TradeTransitions;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import io.paysuite.kit.sharding.ShardReads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Repository;

/**
 * {@link TradeRepository} over the sharded {@code trade_order} tables through MyBatis. Every
 * status-changing statement asks {@link TradeTransitions#TABLE} first, then compares-and-sets on
 * the status in SQL: the table refuses a wrong change, the SQL a concurrent one.
 */
@Repository
public class ShardedTradeRepository implements TradeRepository {

    private final TradeMapper mapper;
    private final ShardReads reads;

    public ShardedTradeRepository(TradeMapper mapper) {
        this(mapper, ShardReads.THROUGH_SHARDING);
    }

    /** @param reads routes a read of one trade by its number outside a transaction straight to its table */
    @Autowired
    public ShardedTradeRepository(TradeMapper mapper, ShardReads reads) {
        this.mapper = mapper;
        this.reads = reads;
    }

    @Override
    public boolean insert(Trade trade) {
        try {
            return mapper.insert(toRow(trade)) == 1;
        } catch (DataAccessException failure) {
            if (DuplicateKey.isCause(failure)) {
                return false;
            }
            throw failure;
        }
    }

    @Override
    public Optional<Trade> find(String tradeNo) {
        return Optional.ofNullable(reads.byOrderNo("trade_order", tradeNo, () -> mapper.findByTradeNo(tradeNo)))
                .map(ShardedTradeRepository::toTrade);
    }

    @Override
    public List<Trade> findAll(Collection<String> tradeNos) {
        if (tradeNos.isEmpty()) {
            return List.of(); // "IN ()" is no SQL
        }
        return mapper.findByTradeNos(tradeNos).stream().map(ShardedTradeRepository::toTrade).toList();
    }

    @Override
    public boolean transition(String tradeNo, TradeStatus from, TradeStatus to, Instant at) {
        TradeTransitions.TABLE.require(from, to);
        return mapper.transition(tradeNo, from.name(), to.name(), utc(at)) == 1;
    }

    @Override
    public Optional<Trade> lock(String tradeNo) {
        return Optional.ofNullable(mapper.lock(tradeNo)).map(ShardedTradeRepository::toTrade);
    }

    @Override
    public boolean beginPay(String tradeNo, String payOrderNo, Instant at) {
        TradeTransitions.TABLE.require(TradeStatus.WAIT_PAY, TradeStatus.PAYING);
        return mapper.beginPay(tradeNo, payOrderNo, utc(at)) == 1;
    }

    @Override
    public boolean beginPay(String tradeNo, String payOrderNo, Instant at, int version) {
        TradeTransitions.TABLE.require(TradeStatus.WAIT_PAY, TradeStatus.PAYING);
        return mapper.beginPayAtVersion(tradeNo, payOrderNo, utc(at), version) == 1;
    }

    @Override
    public boolean abandonPay(String tradeNo, String payOrderNo, Instant at) {
        TradeTransitions.TABLE.require(TradeStatus.PAYING, TradeStatus.WAIT_PAY);
        return mapper.abandonPay(tradeNo, payOrderNo, utc(at)) == 1;
    }

    @Override
    public boolean markPaid(String tradeNo, String payOrderNo, Trade paid) {
        TradeTransitions.TABLE.require(TradeStatus.PAYING, paid.status());
        return mapper.markPaid(tradeNo, payOrderNo, paid.status().name(), paid.paidAmount().minor(), paid.payerId(),
                paid.paidMethod() == null ? null : paid.paidMethod().name(), paid.paidChannel(), promotionRow(paid.promotion()),
                utc(paid.paidAt())) == 1;
    }

    @Override
    public boolean markPaid(String tradeNo, String payOrderNo, Trade paid, int version) {
        TradeTransitions.TABLE.require(TradeStatus.PAYING, paid.status());
        return mapper.markPaidAtVersion(tradeNo, payOrderNo, paid.status().name(), paid.paidAmount().minor(), paid.payerId(),
                paid.paidMethod() == null ? null : paid.paidMethod().name(), paid.paidChannel(), promotionRow(paid.promotion()),
                utc(paid.paidAt()), version) == 1;
    }

    /** The promotion columns of a paid trade; all null without coupon and points. */
    static TradeDO promotionRow(TradePromotion promotion) {
        TradeDO row = new TradeDO();
        if (promotion.any()) {
            row.couponId = promotion.couponId();
            row.couponName = promotion.couponName();
            row.couponMinor = promotion.couponMinor() > 0 ? promotion.couponMinor() : null;
            row.couponFundedBy = promotion.couponFundedBy() == null ? null : promotion.couponFundedBy().name();
            row.pointsMinor = promotion.pointsMinor() > 0 ? promotion.pointsMinor() : null;
        }
        return row;
    }

    @Override
    public boolean endAuthorisation(String tradeNo, TradeStatus to, long paidMinor, Instant at) {
        TradeTransitions.TABLE.require(TradeStatus.AUTHORIZED, to);
        return mapper.endAuthorisation(tradeNo, to.name(), paidMinor, utc(at)) == 1;
    }

    @Override
    public boolean addRefunded(String tradeNo, long delta, Instant at) {
        return mapper.addRefunded(tradeNo, delta, utc(at)) == 1;
    }

    static TradeDO toRow(Trade t) {
        TradeDO row = new TradeDO();
        row.tradeNo = t.tradeNo();
        row.merchantId = t.merchantId();
        row.outTradeNo = t.outTradeNo();
        row.tradeType = t.tradeType().name();
        row.status = t.status().name();
        row.amountMinor = t.amount().minor();
        row.currency = t.amount().currency();
        row.paidMinor = t.paidAmount().minor();
        row.refundedMinor = t.refundedAmount().minor();
        row.subject = t.subject();
        row.buyerId = t.buyerId();
        row.attach = t.attach();
        row.notifyUrl = t.notifyUrl();
        row.returnUrl = t.returnUrl();
        row.timeExpire = utc(t.timeExpire());
        row.createdAt = utc(t.createdAt());
        row.updatedAt = utc(t.updatedAt());
        row.paidAt = utc(t.paidAt());
        row.closedAt = utc(t.closedAt());
        row.version = t.version();
        row.payOrderNo = t.payOrderNo();
        row.payerId = t.payerId();
        row.paymentMethods = PaymentMethodsColumn.write(t.paymentMethods());
        row.paidMethod = t.paidMethod() == null ? null : t.paidMethod().name();
        row.paidChannel = t.paidChannel();
        return row;
    }

    static Trade toTrade(TradeDO row) {
        String currency = row.currency;
        return new Trade(row.tradeNo, row.merchantId, row.outTradeNo, TradeType.valueOf(row.tradeType),
                TradeStatus.valueOf(row.status), new Money(row.amountMinor, currency),
                new Money(row.paidMinor, currency), new Money(row.refundedMinor, currency), row.subject,
                row.buyerId, row.attach, row.notifyUrl, row.returnUrl, instant(row.timeExpire),
                instant(row.createdAt), instant(row.updatedAt), instant(row.paidAt), instant(row.closedAt),
                row.version, row.payOrderNo, row.payerId, PaymentMethodsColumn.read(row.paymentMethods),
                row.paidMethod == null ? null : PayMethod.valueOf(row.paidMethod), row.paidChannel, promotionOf(row));
    }

    private static TradePromotion promotionOf(TradeDO row) {
        if (row.couponMinor == null && row.pointsMinor == null) {
            return TradePromotion.NONE;
        }
        return new TradePromotion(row.couponId, row.couponName, row.couponMinor == null ? 0 : row.couponMinor,
                row.couponFundedBy == null ? null : FundedBy.valueOf(row.couponFundedBy),
                row.pointsMinor == null ? 0 : row.pointsMinor);
    }

    /** DATETIME(3) keeps milliseconds; truncating here keeps written and read values equal. */
    public static LocalDateTime utc(Instant instant) {
        return instant == null ? null
                : LocalDateTime.ofInstant(instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    public static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
