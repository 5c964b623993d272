package io.paysuite.channel.charge;

/**
 * A channel's notification about an open order whose confirming query went unanswered (a timeout,
 * our own guard holding the call back): nothing was decided, so the notification controller answers
 * the channel with a failure and the channel sends it again on its own retry schedule — a second
 * path to the result beside pay-core's delayed checks, instead of a notification acknowledged and lost.
 */
public class NotificationUnconfirmed extends RuntimeException {

    public NotificationUnconfirmed(String channelOrderNo, String rawCode) {
        super("notification for open channel order " + channelOrderNo + " not confirmed by the channel's query (" + rawCode
                + "); asking the channel to send it again", null, false, false);
    }
}
