package io.paysuite.channel.provider;

import io.paysuite.api.ApiVersion;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.common.Result;
import io.paysuite.api.recon.DifferenceDTO;
import io.paysuite.api.recon.ReconciliationDTO;
import io.paysuite.api.recon.ReconciliationService;
import io.paysuite.api.recon.ResolveDifferenceCmd;
import io.paysuite.channel.recon.ChannelReconciliation;
import io.paysuite.channel.recon.OperatorResolutions;
import io.paysuite.channel.recon.ReconDifference;
import io.paysuite.channel.recon.Reconciliations;
import java.time.LocalDate;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

/**
 * {@link ReconciliationService} over Dubbo; what it throws is answered by the kit's {@code ErrorBoundaryFilter}. A run
 * downloads a bill and may ask channels about differences: it gets a long timeout.
 */
@DubboService(version = ApiVersion.DUBBO, timeout = 120000)
public class ReconciliationServiceProvider implements ReconciliationService {

    private final ChannelReconciliation reconciliation;
    private final Reconciliations reconciliations;
    private final OperatorResolutions operators;

    public ReconciliationServiceProvider(ChannelReconciliation reconciliation, Reconciliations reconciliations,
                                         OperatorResolutions operators) {
        this.reconciliation = reconciliation;
        this.reconciliations = reconciliations;
        this.operators = operators;
    }

    @Override
    public Result<ReconciliationDTO> run(ChannelCode channel, LocalDate billDate) {
        return Result.ok(reconciliation.run(channel, billDate));
    }

    @Override
    public Result<ReconciliationDTO> runPayouts(LocalDate billDate) {
        return Result.ok(reconciliation.runPayouts(billDate));
    }

    @Override
    public Result<ReconciliationDTO> get(long reconciliationId) {
        return Result.ok(reconciliations.get(reconciliationId));
    }

    @Override
    public Result<List<DifferenceDTO>> differences(long reconciliationId) {
        return Result.ok(reconciliations.differences(reconciliationId));
    }

    @Override
    public Result<DifferenceDTO> resolve(ResolveDifferenceCmd cmd) {
        ReconDifference resolved = operators.resolve(cmd);
        return Result.ok(resolved.toDTO());
    }

    @Override
    public Result<List<ReconciliationDTO>> list(ChannelCode channel, int limit) {
        return Result.ok(reconciliations.list(channel, limit));
    }
}
