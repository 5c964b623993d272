package io.paysuite.api.channel;

import io.paysuite.api.common.Outcome;
import io.paysuite.api.money.Money;
import java.io.Serializable;

/**
 * How a card pre-authorisation's end stands at its channel.
 *
 * @param channelNumber our number of the completion or cancel at the channel (its {@code orderId})
 * @param outcome       {@code SUCCEEDED} completed or cancelled; {@code UNKNOWN} accepted and not settled, or not
 *                      answered; {@code FAILED} refused by the channel
 * @param amount        what the completion takes (zero for a cancel)
 * @param rawCode       the channel's own code
 */
public record AuthorisationEndDTO(String tradeNo, String channelNumber, ChannelCode channel, Outcome outcome, Money amount,
                                  String rawCode, String message) implements Serializable {
}
