package io.paysuite.api.settlement;

import io.paysuite.api.ReadOnly;
import io.paysuite.api.common.Result;
import java.util.List;

/**
 * Merchant settlement over Dubbo (provider: accounting-service, which owns the money). Reads are
 * open; {@link #run} moves money and answers only named internal callers.
 */
public interface SettlementService {

    /** Settle what is due on a date for every merchant; idempotent per merchant and date. */
    Result<SettlementRunDTO> run(SettlementRunCmd cmd);

    /** The merchant's settlements in a period. */
    @ReadOnly
    Result<List<SettlementDTO>> list(SettlementQry qry);

    /** One settlement of this merchant, or {@code SETTLEMENT_NOT_FOUND} (also for another merchant's). */
    @ReadOnly
    Result<SettlementDTO> get(String merchantId, String settlementNo);

    /** The settlement's statement as CSV, rebuilt exactly from what it settled; {@code SETTLEMENT_NOT_FOUND} as {@link #get}. */
    @ReadOnly
    Result<String> statement(String merchantId, String settlementNo);

    /** The merchant's pending, available and held money in a currency (zero for accounts never posted). */
    @ReadOnly
    Result<MerchantBalanceDTO> balance(String merchantId, String currency);
}
