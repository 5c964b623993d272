package io.paysuite.channel.adapter;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.order.ChannelOrder;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The channel adapters this gateway is configured with, by method and channel. A method may have more
 * than one channel where a payment can be rerouted (bank cards through two acquirers); a channel without
 * its settings has no adapter and is simply not offered.
 */
@Component
public class ChannelAdapters {

    private final Map<PayMethod, Map<ChannelCode, ChannelAdapter>> byMethod = new EnumMap<>(PayMethod.class);

    public ChannelAdapters(List<ChannelAdapter> adapters) {
        adapters.forEach(adapter -> byMethod.computeIfAbsent(adapter.method(), m -> new EnumMap<>(ChannelCode.class))
                .put(adapter.channel(), adapter));
    }

    /** The channels that take {@code method}, each with its adapter; empty when none does. */
    public Map<ChannelCode, ChannelAdapter> serving(PayMethod method) {
        return byMethod.getOrDefault(method, Map.of());
    }

    /** The adapter of the order's channel and method, or null when this gateway no longer serves it. */
    public ChannelAdapter of(ChannelOrder order) {
        return serving(order.method()).get(order.channel());
    }

    /** Any adapter of the channel (for a call that is about the channel, not a method: the breaker's probe). */
    public Optional<ChannelAdapter> anyOf(ChannelCode channel) {
        return byMethod.values().stream().map(byChannel -> byChannel.get(channel)).filter(Objects::nonNull).findFirst();
    }

    /** The channels this gateway can charge. */
    public Set<ChannelCode> channels() {
        Set<ChannelCode> channels = EnumSet.noneOf(ChannelCode.class);
        byMethod.values().forEach(byChannel -> channels.addAll(byChannel.keySet()));
        return channels;
    }
}
