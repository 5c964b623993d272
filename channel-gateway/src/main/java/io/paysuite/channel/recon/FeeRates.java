package io.paysuite.channel.recon;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.pay.PayMethod;
import java.util.Arrays;
import java.util.Optional;

/** The fees we agreed with the channels, per channel and method (the routing rules state them). */
public interface FeeRates {

    /** The rate of {@code method} at {@code channel}; empty when no rule states one. */
    Optional<FeeRate> of(ChannelCode channel, PayMethod method);

    /** Whether any method of {@code channel} has a rate: without one a day's fees are not checked (nothing to read). */
    default boolean any(ChannelCode channel) {
        return Arrays.stream(PayMethod.values()).anyMatch(method -> of(channel, method).isPresent());
    }
}
