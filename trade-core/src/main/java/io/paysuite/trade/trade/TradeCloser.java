package io.paysuite.trade.trade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.ids.ShardGene;
import io.paysuite.api.trade.CloseTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.trade.infra.event.TradeEventDraft;
import io.paysuite.trade.infra.event.TradeEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Closes unpaid trades ({@code WAIT_PAY → CLOSED}) with a compare-and-set, the change and its
 * {@code TRADE_CLOSED} event in one local transaction. Of any number of concurrent closes exactly
 * one changes the row and publishes; the others find the trade closed and answer it.
 */
@Component
public class TradeCloser {

    static final String TRADE_CLOSED = "TRADE_CLOSED";

    private static final Logger log = LoggerFactory.getLogger(TradeCloser.class);

    private final TradeFinder finder;
    private final TradeRepository trades;
    private final TradeEvents events;
    private final OrderNo orderNo;
    private final Clock clock;
    private final ObjectMapper json;

    public TradeCloser(TradeFinder finder, TradeRepository trades, TradeEvents events, OrderNo orderNo, Clock clock,
                       ObjectMapper json) {
        this.finder = finder;
        this.trades = trades;
        this.events = events;
        this.orderNo = orderNo;
        this.clock = clock;
        this.json = json;
    }

    public TradeDTO close(CloseTradeCmd cmd) {
        if (cmd == null) {
            throw new BizException(ErrorCode.PARAM_ERROR, "trade_no is required");
        }
        // ownership and existence checks are the finder's: another merchant's trade is "not found"
        TradeDTO current = finder.get(new TradeByNoQry(cmd.tradeNo(), cmd.merchantId()));
        if (current.status() != TradeStatus.WAIT_PAY) {
            return answerFor(current);
        }
        Trade trade = trades.find(current.tradeNo()).orElseThrow();
        if (trade.status() != TradeStatus.WAIT_PAY) {
            return answerFor(trade.toDTO()); // a concurrent close or payment moved it between the two reads
        }
        Trade closed = trade.closed(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        TradeEventDraft event = new TradeEventDraft(orderNo.next(OrderNo.Kind.EVENT, ShardGene.ofOrderNo(trade.tradeNo())),
                trade.tradeNo(), TRADE_CLOSED, payload(closed.toDTO()));
        try {
            events.publishWith(event, () -> {
                if (!trades.transition(trade.tradeNo(), TradeStatus.WAIT_PAY, TradeStatus.CLOSED, closed.updatedAt())) {
                    throw new StateMovedMeanwhile(); // roll back: our event must not be published
                }
                return closed;
            });
        } catch (StateMovedMeanwhile moved) {
            return answerFor(finder.get(TradeByNoQry.internal(trade.tradeNo())));
        }
        log.info("trade closed trade_no={} merchant_id={}", trade.tradeNo(), trade.merchantId());
        return closed.toDTO();
    }

    /** A close that changed nothing: closed already is success, anything else says why not. */
    private static TradeDTO answerFor(TradeDTO trade) {
        return switch (trade.status()) {
            case CLOSED -> trade;
            case PAYING -> throw new BizException(ErrorCode.TRADE_PAYING, "trade " + trade.tradeNo() + " is being paid");
            case SUCCESS, FINISHED -> throw new BizException(ErrorCode.TRADE_PAID, "trade " + trade.tradeNo() + " is paid");
            case WAIT_PAY -> throw new IllegalStateException("trade " + trade.tradeNo() + " still WAIT_PAY after a missed close");
        };
    }

    private String payload(TradeDTO dto) {
        try {
            return json.writeValueAsString(dto);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize trade " + dto.tradeNo(), e);
        }
    }

    private static final class StateMovedMeanwhile extends RuntimeException {
        StateMovedMeanwhile() {
            super(null, null, false, false);
        }
    }
}
