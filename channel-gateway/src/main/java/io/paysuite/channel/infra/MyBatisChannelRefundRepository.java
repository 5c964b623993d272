package io.paysuite.channel.infra;

import static io.paysuite.channel.infra.UtcColumns.instant;
import static io.paysuite.channel.infra.UtcColumns.utc;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelRefundStatus;
import io.paysuite.api.money.Money;
import io.paysuite.channel.reconcile.SucceededRefunds;
import io.paysuite.channel.refund.ChannelRefund;
import io.paysuite.channel.refund.ChannelRefundRepository;
import io.paysuite.channel.refund.ChannelRefundTransitions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

@Repository
public class MyBatisChannelRefundRepository implements ChannelRefundRepository, SucceededRefunds {

    private final ChannelRefundMapper mapper;

    public MyBatisChannelRefundRepository(ChannelRefundMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean insert(ChannelRefund r) {
        return mapper.insert(new ChannelRefundMapper.Row(r.refundNo(), r.channelOrderNo(), r.channel().name(), r.refund().minor(),
                r.refund().currency(), r.status().name(), r.rawCode(), r.channelRefundNo(), utc(r.createdAt()), utc(r.createdAt()),
                utc(r.finishedAt()))) == 1;
    }

    @Override
    public Optional<ChannelRefund> find(String refundNo) {
        return Optional.ofNullable(mapper.find(refundNo)).map(MyBatisChannelRefundRepository::toRefund);
    }

    @Override
    public boolean transition(String refundNo, ChannelRefundStatus from, ChannelRefundStatus to, String rawCode,
                              String channelRefundNo, Instant at) {
        ChannelRefundTransitions.TABLE.require(from, to);
        return mapper.transition(refundNo, from.name(), to.name(), rawCode, channelRefundNo, utc(at)) == 1;
    }

    @Override
    public List<ChannelRefund> refundedBetween(ChannelCode channel, Instant from, Instant to) {
        return mapper.findSucceededBetween(channel.name(), utc(from), utc(to)).stream()
                .map(MyBatisChannelRefundRepository::toRefund).toList();
    }

    @Override
    public Optional<ChannelRefund> findRefund(String refundNo) {
        return find(refundNo);
    }

    private static ChannelRefund toRefund(ChannelRefundMapper.Row r) {
        return new ChannelRefund(r.refundNo(), r.channelOrderNo(), ChannelCode.valueOf(r.channel()), Money.of(r.amountMinor(), r.currency()),
                ChannelRefundStatus.valueOf(r.status()), r.rawCode(), r.channelRefundNo(), instant(r.createdAt()), instant(r.finishedAt()));
    }
}
