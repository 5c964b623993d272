package io.paysuite.channel.order;

import io.paysuite.api.channel.ChannelOrderStatus;
import java.time.Instant;
import java.util.Optional;

/** Channel orders; every state change is a compare-and-set on the status. */
public interface ChannelOrderRepository {

    /** @return false when the pay order already has a channel order (the unique key decided) */
    boolean insert(ChannelOrder order);

    Optional<ChannelOrder> findByPayOrder(String payOrderNo);

    Optional<ChannelOrder> find(String channelOrderNo);

    /** {@code from → to}, keeping what the answer told (code url, channel trade number) when given. */
    boolean transition(String channelOrderNo, ChannelOrderStatus from, ChannelOrderStatus to, String codeUrl,
                       String channelTradeNo, String rawCode, String finalSource, Instant at);

    /** Remembers a QR code issued after the order was already {@code PROCESSING} (the first answer was lost). */
    boolean rememberCodeUrl(String channelOrderNo, String codeUrl, Instant at);

    void recordConflict(String channelOrderNo, ChannelOrderStatus held, ChannelOrderStatus claimed, String rawCode,
                        String source, String detail, Instant at);
}
