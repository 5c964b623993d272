package io.paysuite.cashier.trail;

import io.paysuite.api.trail.TrailEventDTO;
import java.util.List;

/** Something cashier-service itself records about a trade (e.g. merchant notifications) for its trail. */
public interface TrailSource {

    List<TrailEventDTO> trailOf(String tradeNo);
}
