package io.paysuite.api.channel;

import java.io.Serializable;
import java.time.LocalDate;

/** Reconcile {@code channel}'s bill of {@code billDate} (the channel's own day, Beijing time for WeChat and Alipay). */
public record ReconcileQry(ChannelCode channel, LocalDate billDate) implements Serializable {
}
