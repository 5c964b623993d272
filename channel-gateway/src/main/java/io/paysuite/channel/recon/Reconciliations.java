package io.paysuite.channel.recon;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.recon.DifferenceDTO;
import io.paysuite.api.recon.ReconciliationDTO;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reading stored reconciliation batches and their differences. */
@Component
public class Reconciliations {

    private final ReconciliationRepository repository;

    public Reconciliations(ReconciliationRepository repository) {
        this.repository = repository;
    }

    /** The batch with its differences counted as they stand now. */
    public ReconciliationDTO get(long id) {
        ReconBatch batch = repository.batch(id)
                .orElseThrow(() -> new BizException(ErrorCode.RECONCILIATION_NOT_FOUND, "no reconciliation " + id));
        long resolved = repository.differences(id).stream().filter(d -> d.status().isFinal()).count();
        long all = repository.differences(id).size();
        return batch.counted(all - resolved, resolved).toDTO();
    }

    public List<DifferenceDTO> differences(long id) {
        if (repository.batch(id).isEmpty()) {
            throw new BizException(ErrorCode.RECONCILIATION_NOT_FOUND, "no reconciliation " + id);
        }
        return repository.differences(id).stream().map(ReconDifference::toDTO).toList();
    }

    public List<ReconciliationDTO> list(ChannelCode channel, int limit) {
        if (limit < 1 || limit > 500) {
            throw new BizException(ErrorCode.PARAM_ERROR, "limit must be 1-500");
        }
        return repository.batches(channel, limit).stream().map(ReconBatch::toDTO).toList();
    }
}
