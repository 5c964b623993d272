package io.paysuite.accounting.settlement;

import io.paysuite.accounting.ledger.AccountTotals;
import io.paysuite.accounting.ledger.Balances;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.settlement.MerchantBalanceDTO;
import io.paysuite.api.settlement.SettlementDTO;
import io.paysuite.api.settlement.SettlementQry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What merchants read: their balance (straight from the ledger's accounts), their settlements, and a
 * settlement's statement, rebuilt from the entries it claimed — the same rows its figures were summed
 * from, so the file always adds up to the record.
 */
public final class SettlementReads {

    static final String HEADER = "posted_at,type,trade_no,reference,entry_no,gross,fee,net";
    private static final int MAX_DAYS = 366;

    private final SettlementStore store;
    private final Balances balances;
    private final DateTimeFormatter times;

    public SettlementReads(SettlementStore store, Balances balances, ZoneId zone) {
        this.store = store;
        this.balances = balances;
        this.times = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(zone);
    }

    public List<SettlementDTO> list(SettlementQry qry) {
        if (qry == null || qry.merchantId() == null || qry.from() == null || qry.to() == null || qry.from().isAfter(qry.to())
                || ChronoUnit.DAYS.between(qry.from(), qry.to()) > MAX_DAYS) {
            throw new BizException(ErrorCode.PARAM_ERROR, "from and to must be a forward period of at most 366 days");
        }
        return store.list(qry.merchantId(), qry.from(), qry.to()).stream().map(Settlement::toDto).toList();
    }

    public SettlementDTO get(String merchantId, String settlementNo) {
        return owned(merchantId, settlementNo).toDto();
    }

    /** One row per settled entry, then the settlement's figures; {@code net} of the rows sums to what was moved. */
    public String statement(String merchantId, String settlementNo) {
        Settlement s = owned(merchantId, settlementNo);
        StringBuilder csv = new StringBuilder("# settlement ").append(s.settlementNo()).append(", merchant ").append(s.merchantId())
                .append(", period ").append(s.periodFrom()).append("..").append(s.periodTo()).append(", ").append(s.currency())
                .append('\n').append(HEADER).append('\n');
        for (DueEntry e : store.items(settlementNo)) {
            csv.append(times.format(e.postedAt())).append(',').append(e.bizType()).append(',').append(e.bizNo()).append(',')
                    .append(e.postingKey()).append(',').append(e.entryNo()).append(',').append(e.gross()).append(',')
                    .append(e.fee()).append(',').append(e.pendingDelta()).append('\n');
        }
        SettlementFigures f = s.figures();
        csv.append("GROSS,").append(f.gross()).append('\n')
                .append("REFUNDS,").append(f.refunds()).append('\n')
                .append("FEES,").append(f.fees()).append('\n')
                .append("ADJUSTMENTS,").append(f.adjustments()).append('\n')
                .append("CARRIED_FORWARD,").append(f.carriedForward()).append('\n')
                .append("NET,").append(f.net()).append('\n');
        return csv.toString();
    }

    public MerchantBalanceDTO balance(String merchantId, String currency) {
        if (merchantId == null || merchantId.isBlank() || currency == null || currency.length() != 3) {
            throw new BizException(ErrorCode.PARAM_ERROR, "merchant id and currency are required");
        }
        return new MerchantBalanceDTO(merchantId, currency, balanceOf(AccountType.MERCHANT_PENDING, merchantId, currency),
                balanceOf(AccountType.MERCHANT_AVAILABLE, merchantId, currency),
                // held: escrow of guarantee trades, the profit-sharing hold of shared trades' unshared rest, and
                // pre-auth holds (API.md, balance) — a pre-auth hold is still the buyer's money, shown so the
                // merchant sees what a capture could bring
                Math.addExact(Math.addExact(balanceOf(AccountType.ESCROW, merchantId, currency),
                        balanceOf(AccountType.PROFIT_SHARING_HELD, merchantId, currency)),
                        balanceOf(AccountType.PREAUTH_HOLD, merchantId, currency)));
    }

    private long balanceOf(AccountType type, String merchantId, String currency) {
        return balances.account(new AccountRef(type, merchantId, currency).code()).map(AccountTotals::toDto)
                .map(b -> b.balance()).orElse(0L);
    }

    private Settlement owned(String merchantId, String settlementNo) {
        return (settlementNo == null ? java.util.Optional.<Settlement>empty() : store.find(settlementNo))
                .filter(s -> s.merchantId().equals(merchantId))
                .orElseThrow(() -> new BizException(ErrorCode.SETTLEMENT_NOT_FOUND, "no settlement " + settlementNo));
    }
}
