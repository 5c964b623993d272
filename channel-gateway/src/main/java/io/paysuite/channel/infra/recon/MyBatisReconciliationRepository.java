package io.paysuite.channel.infra.recon;

import static io.paysuite.channel.infra.UtcColumns.instant;
import static io.paysuite.channel.infra.UtcColumns.utc;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.recon.DifferenceKind;
import io.paysuite.api.recon.DifferenceStatus;
import io.paysuite.api.recon.ReconKind;
import io.paysuite.api.recon.DifferenceType;
import io.paysuite.api.recon.ReconciliationDTO;
import io.paysuite.api.recon.ResolutionAction;
import io.paysuite.api.recon.ResolutionDTO;
import io.paysuite.channel.recon.BillMatching;
import io.paysuite.channel.recon.DifferenceTransitions;
import io.paysuite.channel.recon.Found;
import io.paysuite.channel.recon.ReconBatch;
import io.paysuite.channel.recon.ReconDifference;
import io.paysuite.channel.recon.ReconciliationRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

@Repository
public class MyBatisReconciliationRepository implements ReconciliationRepository {

    private final ReconciliationMapper mapper;

    public MyBatisReconciliationRepository(ReconciliationMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public ReconBatch batchFor(ReconKind kind, ChannelCode channel, LocalDate billDate, String currency, Instant at) {
        ReconciliationMapper.BatchRow row = mapper.findBatchByDay(kind.name(), channel.name(), billDate);
        if (row == null) {
            mapper.insertBatch(kind.name(), channel.name(), billDate, currency, utc(at));
            row = mapper.findBatchByDay(kind.name(), channel.name(), billDate);
        }
        return toBatch(row);
    }

    @Override
    public Optional<ReconBatch> batch(long id) {
        return Optional.ofNullable(mapper.findBatch(id)).map(MyBatisReconciliationRepository::toBatch);
    }

    @Override
    public List<ReconBatch> batches(ChannelCode channel, int limit) {
        return mapper.batches(channel == null ? null : channel.name(), limit).stream().map(MyBatisReconciliationRepository::toBatch).toList();
    }

    @Override
    public void saveRun(ReconBatch b) {
        BillMatching.Totals t = b.totals();
        ReconciliationDTO.RunChanges c = b.lastRun();
        mapper.saveRun(new ReconciliationMapper.BatchRow(b.id(), b.channel().name(), b.billDate(), null, b.matched(), b.differencesOpen(),
                b.differencesResolved(), t.billPayments(), t.billRefunds(), t.billGross(), t.billRefunded(), t.billFee(), t.ourPaid(),
                t.ourRefunded(), b.clearedNet(), b.clearedFee(), b.clearingKey(), b.runs(), c.added(), c.selfHealed(), c.autoResolved(),
                c.escalated(), utc(b.createdAt()), utc(b.updatedAt()), b.kind().name(), t.expectedFee()));
    }

    @Override
    public void cleared(long batchId, long clearedNet, long clearedFee, String key, Instant at) {
        mapper.cleared(batchId, clearedNet, clearedFee, key, utc(at));
    }

    @Override
    public boolean insert(ReconDifference d) {
        Found f = d.found();
        return mapper.insertDifference(new ReconciliationMapper.DifferenceRow(0, d.batchId(), null, null, f.kind().name(), f.type().name(),
                f.number(), f.ourNo(), f.ourAmount(), f.ourStatus(), f.channelNo(), f.channelAmount(), f.channelTradeNo(), d.currency(),
                d.status().name(), d.note(), null, null, null, null, null, null, utc(d.createdAt()), utc(d.createdAt()), f.channelStatus())) == 1;
    }

    @Override
    public List<ReconDifference> differences(long batchId) {
        return mapper.differences(batchId).stream().map(MyBatisReconciliationRepository::toDifference).toList();
    }

    @Override
    public Optional<ReconDifference> difference(long id) {
        return Optional.ofNullable(mapper.difference(id)).map(MyBatisReconciliationRepository::toDifference);
    }

    @Override
    public void observed(long id, Found found, Instant at) {
        mapper.observed(id, found.ourAmount(), found.ourStatus(), found.channelAmount(), found.channelTradeNo(), found.channelStatus(),
                utc(at));
    }

    @Override
    public void note(long id, String note, Instant at) {
        mapper.note(id, clip(note), utc(at));
    }

    @Override
    public boolean transition(long id, DifferenceStatus from, DifferenceStatus to, String note, ResolutionDTO resolution, Instant at) {
        DifferenceTransitions.TABLE.require(from, to);
        ResolutionDTO r = to == DifferenceStatus.RESOLVED ? resolution : null;
        return mapper.transition(id, from.name(), to.name(), clip(note), r == null ? null : r.action().name(), r == null ? null : r.by(),
                r == null ? null : clip(r.reason()), r == null ? null : clip(r.outcome()), r == null ? null : r.postingKey(),
                r == null ? null : utc(r.at()), utc(at)) == 1;
    }

    /** Notes and reasons are words for people; the columns hold 512 characters. */
    private static String clip(String text) {
        return text == null || text.length() <= 512 ? text : text.substring(0, 509) + "...";
    }

    private static ReconBatch toBatch(ReconciliationMapper.BatchRow r) {
        return new ReconBatch(r.id(), ChannelCode.valueOf(r.channel()), r.billDate(), r.matched(), r.differencesOpen(), r.differencesResolved(),
                new BillMatching.Totals(r.billPayments(), r.billRefunds(), r.billGrossMinor(), r.billRefundedMinor(), r.billFeeMinor(),
                        r.ourPaidMinor(), r.ourRefundedMinor(), r.expectedFeeMinor() == null ? r.billFeeMinor() : r.expectedFeeMinor()), r.clearedNetMinor(), r.clearedFeeMinor(), r.clearingKey(), r.runs(),
                new ReconciliationDTO.RunChanges(r.lastAdded(), r.lastSelfHealed(), r.lastAutoResolved(), r.lastEscalated()),
                instant(r.createdAt()), instant(r.updatedAt()), r.kind() == null ? ReconKind.TRADE : ReconKind.valueOf(r.kind()));
    }

    private static ReconDifference toDifference(ReconciliationMapper.DifferenceRow r) {
        Found found = new Found(DifferenceType.valueOf(r.type()), DifferenceKind.valueOf(r.kind()), r.ourNo(), r.ourAmountMinor(),
                r.ourStatus(), r.channelNo(), r.channelAmountMinor(), r.channelTradeNo(), r.channelStatus());
        ResolutionDTO resolution = r.resolutionAction() == null ? null : new ResolutionDTO(ResolutionAction.valueOf(r.resolutionAction()),
                r.resolvedBy(), r.resolutionReason(), r.resolutionOutcome(), r.postingKey(), instant(r.resolvedAt()));
        return new ReconDifference(r.id(), r.batchId(), ChannelCode.valueOf(r.channel()), r.billDate(), found, r.currency(),
                DifferenceStatus.valueOf(r.status()), r.note(), resolution, instant(r.createdAt()));
    }
}
