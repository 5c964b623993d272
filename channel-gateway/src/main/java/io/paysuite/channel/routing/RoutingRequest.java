package io.paysuite.channel.routing;

import io.paysuite.api.pay.PayMethod;
import java.time.Instant;

/** What the router decides on: the method, the money, who pays whom, and when. */
public record RoutingRequest(PayMethod method, String currency, long amountMinor, String merchantId, String bucketKey, Instant at) {
}
