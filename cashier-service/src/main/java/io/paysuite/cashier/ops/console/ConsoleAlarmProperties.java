package io.paysuite.cashier.ops.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.cashier.ops.alarms.*}: when the dashboard raises a channel alarm.
 *
 * @param minCalls          fewer calls than this in the health window say nothing (one failure of two is not a drop)
 * @param successRateFloor  a success rate below this is an alarm whatever it was before
 * @param dropPoints        a success rate this many points (0–1) below the channel's own recent baseline is a drop
 * @param p99Millis         a p99 latency above this is a response-time alarm
 * @param p50Millis         a p50 latency above this is a response-time alarm
 */
@ConfigurationProperties("paysuite.cashier.ops.alarms")
public record ConsoleAlarmProperties(@DefaultValue("20") long minCalls,
                                     @DefaultValue("0.80") double successRateFloor,
                                     @DefaultValue("0.15") double dropPoints,
                                     @DefaultValue("3000") double p99Millis,
                                     @DefaultValue("1000") double p50Millis) {
}
