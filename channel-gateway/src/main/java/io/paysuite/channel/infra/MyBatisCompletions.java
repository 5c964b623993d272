package io.paysuite.channel.infra;

import static io.paysuite.channel.infra.UtcColumns.instant;
import static io.paysuite.channel.infra.UtcColumns.utc;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.preauth.Completion;
import io.paysuite.channel.preauth.Completions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

@Repository
public class MyBatisCompletions implements Completions {

    private final CompletionMapper mapper;

    public MyBatisCompletions(CompletionMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void record(Completion c) {
        mapper.insert(new CompletionMapper.Row(c.completionNo(), c.authorisationNo(), c.payOrderNo(), c.tradeNo(), c.merchantId(),
                c.channel().name(), c.method().name(), c.captured().minor(), c.captured().currency(), c.channelTradeNo(),
                utc(c.endedAt()), utc(c.completedAt())));
    }

    @Override
    public Optional<Completion> ofAuthorisation(String authorisationNo) {
        return Optional.ofNullable(mapper.findByAuthorisation(authorisationNo)).map(MyBatisCompletions::completion);
    }

    @Override
    public Optional<Completion> find(String completionNo) {
        return Optional.ofNullable(mapper.find(completionNo)).map(MyBatisCompletions::completion);
    }

    @Override
    public List<Completion> completedBetween(ChannelCode channel, Instant from, Instant to) {
        return mapper.findCompletedBetween(channel.name(), utc(from), utc(to)).stream().map(MyBatisCompletions::completion).toList();
    }

    private static Completion completion(CompletionMapper.Row r) {
        return new Completion(r.completionNo(), r.authorisationNo(), r.payOrderNo(), r.tradeNo(), r.merchantId(),
                ChannelCode.valueOf(r.channel()), PayMethod.valueOf(r.method()), Money.of(r.capturedMinor(), r.currency()),
                r.channelTradeNo(), instant(r.endedAt()), instant(r.completedAt()));
    }
}
