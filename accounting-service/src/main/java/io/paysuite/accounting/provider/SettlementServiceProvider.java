package io.paysuite.accounting.provider;

import io.paysuite.api.ApiVersion;
import io.paysuite.accounting.settlement.SettlementReads;
import io.paysuite.accounting.settlement.SettlementRun;
import io.paysuite.api.common.Result;
import io.paysuite.api.settlement.MerchantBalanceDTO;
import io.paysuite.api.settlement.SettlementDTO;
import io.paysuite.api.settlement.SettlementQry;
import io.paysuite.api.settlement.SettlementRunCmd;
import io.paysuite.api.settlement.SettlementRunDTO;
import io.paysuite.api.settlement.SettlementService;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

/**
 * {@link SettlementService} over Dubbo: a thin facade, each call handed to one domain class; what it
 * throws is answered by the kit's error boundary. {@code run} is guarded (operators through
 * cashier-service, the demo's tools); the reads are open.
 */
@DubboService(version = ApiVersion.DUBBO, timeout = 120000)
public class SettlementServiceProvider implements SettlementService {

    private final SettlementRun run;
    private final SettlementReads reads;

    public SettlementServiceProvider(SettlementRun run, SettlementReads reads) {
        this.run = run;
        this.reads = reads;
    }

    @Override
    public Result<SettlementRunDTO> run(SettlementRunCmd cmd) {
        return Result.ok(run.run(cmd));
    }

    @Override
    public Result<List<SettlementDTO>> list(SettlementQry qry) {
        return Result.ok(reads.list(qry));
    }

    @Override
    public Result<SettlementDTO> get(String merchantId, String settlementNo) {
        return Result.ok(reads.get(merchantId, settlementNo));
    }

    @Override
    public Result<String> statement(String merchantId, String settlementNo) {
        return Result.ok(reads.statement(merchantId, settlementNo));
    }

    @Override
    public Result<MerchantBalanceDTO> balance(String merchantId, String currency) {
        return Result.ok(reads.balance(merchantId, currency));
    }
}
