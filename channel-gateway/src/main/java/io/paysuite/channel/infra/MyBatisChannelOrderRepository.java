package io.paysuite.channel.infra;

import static io.paysuite.channel.infra.UtcColumns.instant;
import static io.paysuite.channel.infra.UtcColumns.utc;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.order.ChannelOrderRepository;
import io.paysuite.channel.order.ChannelOrderTransitions;
import io.paysuite.channel.order.LateResult;
import io.paysuite.channel.reconcile.SucceededOrders;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Repository;

@Repository
public class MyBatisChannelOrderRepository implements ChannelOrderRepository, SucceededOrders {

    private final ChannelOrderMapper mapper;

    public MyBatisChannelOrderRepository(ChannelOrderMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean insert(ChannelOrder o) {
        return mapper.insert(new ChannelOrderDO(o.channelOrderNo(), o.payOrderNo(), o.tradeNo(), o.merchantId(),
                o.channel().name(), o.method().name(), o.amount().minor(), o.amount().currency(), o.subject(), o.status().name(),
                o.codeUrl(), o.channelTradeNo(), o.rawCode(), o.finalSource(), utc(o.expiresAt()), utc(o.createdAt()),
                utc(o.createdAt()), utc(o.finishedAt()), 0, o.attempt(), o.reroutedTo(), o.authorisation())) == 1;
    }

    @Override
    public Optional<ChannelOrder> findByPayOrder(String payOrderNo) {
        return Optional.ofNullable(mapper.findByPayOrder(payOrderNo)).map(MyBatisChannelOrderRepository::toOrder);
    }

    /** One statement for every pay order; each one's highest attempt kept here. */
    @Override
    public List<ChannelOrder> findByPayOrders(Collection<String> payOrderNos) {
        if (payOrderNos.isEmpty()) {
            return List.of(); // "IN ()" is no SQL
        }
        Map<String, ChannelOrderDO> current = new LinkedHashMap<>();
        for (ChannelOrderDO row : mapper.findAttemptsOfPayOrders(payOrderNos)) {
            current.merge(row.payOrderNo(), row, (kept, other) -> other.attempt() > kept.attempt() ? other : kept);
        }
        return current.values().stream().map(MyBatisChannelOrderRepository::toOrder).toList();
    }

    @Override
    public Optional<ChannelOrder> findByNumber(String number) {
        ChannelOrderDO ours = mapper.find(number);
        return Optional.ofNullable(ours != null ? ours : mapper.findByChannelTradeNo(number)).map(MyBatisChannelOrderRepository::toOrder);
    }

    @Override
    public List<ChannelOrder> attempts(String payOrderNo) {
        return mapper.findAttempts(payOrderNo).stream().map(MyBatisChannelOrderRepository::toOrder).toList();
    }

    @Override
    public boolean decideReroute(String channelOrderNo, String to, Instant at) {
        return mapper.decideReroute(channelOrderNo, to, utc(at)) == 1;
    }

    @Override
    public Optional<ChannelOrder> find(String channelOrderNo) {
        return Optional.ofNullable(mapper.find(channelOrderNo)).map(MyBatisChannelOrderRepository::toOrder);
    }

    @Override
    public List<ChannelOrder> succeededBetween(ChannelCode channel, Instant from, Instant to) {
        return mapper.findSucceededBetween(channel.name(), utc(from), utc(to)).stream()
                .map(MyBatisChannelOrderRepository::toOrder).toList();
    }

    @Override
    public boolean transition(String channelOrderNo, ChannelOrderStatus from, ChannelOrderStatus to, String codeUrl,
                              String channelTradeNo, String rawCode, String finalSource, Instant at) {
        ChannelOrderTransitions.TABLE.require(from, to);
        return mapper.transition(channelOrderNo, from.name(), to.name(), codeUrl, channelTradeNo, rawCode, finalSource, utc(at)) == 1;
    }

    @Override
    public boolean rememberCodeUrl(String channelOrderNo, String codeUrl, Instant at) {
        return mapper.rememberCodeUrl(channelOrderNo, codeUrl, utc(at)) == 1;
    }

    @Override
    public void recordConflict(String channelOrderNo, ChannelOrderStatus held, ChannelOrderStatus claimed, String rawCode,
                               String source, String detail, Instant at) {
        mapper.insertConflict(channelOrderNo, held.name(), claimed.name(), rawCode, source,
                detail == null ? null : detail.substring(0, Math.min(detail.length(), 512)), utc(at));
    }

    @Override
    public void recordLateSuccess(String channelOrderNo, ChannelOrderStatus held, String rawCode, String source, String detail,
                                  String channelTradeNo, long paidMinor, String currency, String refundNo, Instant at) {
        mapper.insertLateSuccess(channelOrderNo, held.name(), rawCode, channelTradeNo, paidMinor, currency, refundNo, source,
                detail == null ? null : detail.substring(0, Math.min(detail.length(), 512)), utc(at));
    }

    @Override
    public Optional<String> lateChannelTradeNo(String channelOrderNo) {
        return Optional.ofNullable(mapper.lateChannelTradeNo(channelOrderNo));
    }

    @Override
    public List<LateResult> lateResults(int limit) {
        return mapper.lateResults(limit).stream()
                .map(r -> new LateResult(r.id(), r.channelOrderNo(), ChannelOrderStatus.valueOf(r.heldStatus()), r.rawCode(), r.source(),
                        r.detail(), r.channelTradeNo(), r.paidMinor() == null ? 0 : r.paidMinor(), r.currency(), r.refundNo(),
                        instant(r.createdAt())))
                .toList();
    }

    private static ChannelOrder toOrder(ChannelOrderDO r) {
        return new ChannelOrder(r.channelOrderNo(), r.payOrderNo(), r.tradeNo(), r.merchantId(), ChannelCode.valueOf(r.channel()),
                PayMethod.valueOf(r.method()), Money.of(r.amountMinor(), r.currency()), r.subject(),
                ChannelOrderStatus.valueOf(r.status()), r.codeUrl(), r.channelTradeNo(), r.rawCode(), r.finalSource(),
                instant(r.expiresAt()), instant(r.createdAt()), instant(r.finishedAt()), r.attempt(), r.reroutedTo(),
                r.authorisation());
    }
}
