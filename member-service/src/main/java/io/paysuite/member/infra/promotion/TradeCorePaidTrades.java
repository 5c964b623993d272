package io.paysuite.member.infra.promotion;

import io.paysuite.api.common.Outcome;
import io.paysuite.api.common.Result;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeType;
import io.paysuite.member.buyer.BuyerIds;
import io.paysuite.member.promotion.PaidTrades;
import io.paysuite.member.promotion.PointsEarnings;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link PaidTrades} from trade-core's {@code TradeService.get} (open to internal callers, one shard's read), and
 * the one reading of a paid trade that the payment's event and this answer share ({@link #of}): both are trade-core's
 * same view of the trade, so a refund decides whether it could earn exactly as its payment did.
 */
@Component
public class TradeCorePaidTrades implements PaidTrades {

    private static final Logger log = LoggerFactory.getLogger(TradeCorePaidTrades.class);

    private final TradeService trades;

    public TradeCorePaidTrades(TradeService trades) {
        this.trades = trades;
    }

    @Override
    public Optional<PointsEarnings.PaidTrade> find(String tradeNo) {
        Result<TradeDTO> answer;
        try {
            answer = trades.get(TradeByNoQry.internal(tradeNo));
        } catch (RuntimeException transport) {
            log.warn("trade {} not read from trade-core: {}", tradeNo, transport.toString());
            return Optional.empty();
        }
        if (Outcome.of(answer) != Outcome.SUCCEEDED || answer.data() == null || answer.data().paidAt() == null) {
            // no answer, no such trade, or not paid in this answer: not known to have earned nothing
            return Optional.empty();
        }
        return Optional.of(of(answer.data()));
    }

    /**
     * A paid trade as points see it. The payer, not the buyer named at creation: a trade paid anonymously by payment
     * code earns nothing, and neither does a wallet top-up (the buyer's own money moving in; it earns when it is
     * spent). A channel's own payer (Alipay's buyer id on a payment code, WeChat's openid) is no buyer of ours: asking
     * who it is would be refused, an alarm for every channel payment.
     */
    public static PointsEarnings.PaidTrade of(TradeDTO trade) {
        boolean ours = BuyerIds.parse(trade.payerId()).isPresent();
        String buyerId = trade.tradeType() == TradeType.TOPUP || !ours ? null : trade.payerId();
        return new PointsEarnings.PaidTrade(trade.tradeNo(), buyerId, trade.paidAmount(),
                trade.buyerPaidAmount() != null ? trade.buyerPaidAmount() : trade.paidAmount());
    }
}
