package io.paysuite.channel.infra.payout;

import static io.paysuite.channel.infra.UtcColumns.instant;
import static io.paysuite.channel.infra.UtcColumns.utc;

import io.paysuite.api.money.Money;
import io.paysuite.api.payout.PayoutPurpose;
import io.paysuite.api.payout.PayoutQry;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.channel.payout.Payout;
import io.paysuite.channel.payout.PayoutRepository;
import io.paysuite.channel.payout.PayoutTransitions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link PayoutRepository} on MyBatis; the account number is sealed on the way in and opened on the way out. */
public class MyBatisPayoutRepository implements PayoutRepository {

    private final PayoutMapper mapper;
    private final PayoutAccountSeal seal;

    public MyBatisPayoutRepository(PayoutMapper mapper, PayoutAccountSeal seal) {
        this.mapper = mapper;
        this.seal = seal;
    }

    @Override
    public boolean insert(Payout p) {
        String account = p.bankAccountNo();
        return mapper.insert(new PayoutMapper.Row(p.payoutNo(), p.purpose().name(), p.ownerId(), p.amount().minor(),
                p.amount().currency(), seal.seal(p.payoutNo(), account), account.substring(account.length() - 4), p.accountName(),
                p.remark(), p.status().name(), p.rawCode(), p.channelPayoutNo(), utc(p.createdAt()), utc(p.createdAt()),
                utc(p.finishedAt()))) == 1;
    }

    @Override
    public Optional<Payout> find(String payoutNo) {
        return Optional.ofNullable(mapper.find(payoutNo)).map(this::toPayout);
    }

    @Override
    public boolean transition(String payoutNo, PayoutStatus from, PayoutStatus to, String rawCode, String channelPayoutNo,
                              Instant at) {
        PayoutTransitions.TABLE.require(from, to);
        return mapper.transition(payoutNo, from.name(), to.name(), rawCode, channelPayoutNo, utc(at)) == 1;
    }

    @Override
    public void noteAnswer(String payoutNo, String rawCode, String channelPayoutNo, Instant at) {
        mapper.noteAnswer(payoutNo, rawCode, channelPayoutNo, utc(at));
    }

    @Override
    public List<Payout> list(PayoutQry qry) {
        return mapper.list(qry.status() == null ? null : qry.status().name(),
                qry.ownerId() == null || qry.ownerId().isBlank() ? null : qry.ownerId(), qry.limit()).stream()
                .map(this::toPayout).toList();
    }

    @Override
    public List<Payout> succeededBetween(Instant from, Instant to) {
        return mapper.succeededBetween(utc(from), utc(to)).stream().map(this::toPayout).toList();
    }

    private Payout toPayout(PayoutMapper.Row r) {
        return new Payout(r.payoutNo(), PayoutPurpose.valueOf(r.purpose()), r.ownerId(), Money.of(r.amountMinor(), r.currency()),
                seal.open(r.payoutNo(), r.accountSealed()), r.accountName(), r.remark(), PayoutStatus.valueOf(r.status()),
                r.rawCode(), r.channelPayoutNo(), instant(r.createdAt()), instant(r.finishedAt()));
    }
}
