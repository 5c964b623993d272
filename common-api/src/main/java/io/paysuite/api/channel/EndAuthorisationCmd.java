package io.paysuite.api.channel;

import io.paysuite.api.money.Money;
import java.io.Serializable;
import java.time.Instant;

/**
 * The end of a card pre-authorisation at its channel: its completion for {@code capture} (more than zero, at most the
 * authorised amount) or its cancel ({@code capture} zero).
 *
 * @param tradeNo    the pre-authorisation
 * @param payOrderNo the pay order whose channel order is the authorisation
 * @param endedAt    when the trade was captured or voided (the trade's compare-and-set): with the trade number, it
 *                   names the end at the channel, the same on every repeat
 */
public record EndAuthorisationCmd(String tradeNo, String payOrderNo, Money capture, Instant endedAt) implements Serializable {

    public boolean completion() {
        return capture != null && capture.minor() > 0;
    }
}
