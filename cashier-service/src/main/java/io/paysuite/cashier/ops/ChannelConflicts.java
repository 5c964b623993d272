package io.paysuite.cashier.ops;

import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.channel.LateChannelResultDTO;
import io.paysuite.cashier.api.error.Results;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /ops/api/v1/channel-conflicts}: the channel results that arrived after their order was final — a
 * buyer paid at the channel for an order we had closed or failed — newest first, each with the refund that pays
 * the buyer back (its number is {@code CR} + the channel order number). {@code ?limit=} 1–500, default 100.
 */
@RestController
@RequestMapping(path = "/ops/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class ChannelConflicts {

    public record RefundView(String refundNo, String status) {
    }

    public record LateResultView(long id, String channelOrderNo, String payOrderNo, String channel, String heldStatus,
                                 String claimedStatus, String rawCode, String source, String detail, String channelTradeNo,
                                 Long paidMinor, String currency, RefundView refund, String at) {
    }

    public record ChannelConflictsView(List<LateResultView> conflicts) {
    }

    private final ChannelService channels;

    public ChannelConflicts(ChannelService channels) {
        this.channels = channels;
    }

    @GetMapping("/channel-conflicts")
    public ChannelConflictsView conflicts(@RequestParam(defaultValue = "100") int limit) {
        return new ChannelConflictsView(Results.unwrap(channels.lateResults(limit)).stream().map(ChannelConflicts::view).toList());
    }

    private static LateResultView view(LateChannelResultDTO late) {
        return new LateResultView(late.id(), late.channelOrderNo(), late.payOrderNo(),
                late.channel() == null ? null : late.channel().name(), late.heldStatus().name(), "SUCCESS", late.rawCode(),
                late.source(), late.detail(), late.channelTradeNo(), late.paid() == null ? null : late.paid().minor(),
                late.paid() == null ? null : late.paid().currency(),
                new RefundView(late.refundNo(), late.refundStatus() == null ? null : late.refundStatus().name()),
                late.at() == null ? null : late.at().toString());
    }
}
