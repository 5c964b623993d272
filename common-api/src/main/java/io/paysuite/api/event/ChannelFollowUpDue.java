package io.paysuite.api.event;

/**
 * The timer of a channel order's follow-up query.
 *
 * @param attempt which follow-up this is, from 1; null in a timer that did not carry one (the first)
 */
public record ChannelFollowUpDue(String channelOrderNo, Integer attempt) {
}
