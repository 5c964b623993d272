package io.paysuite.api.pay;

import java.io.Serializable;
import java.time.Instant;

/**
 * How many pay orders were opened in one minute with one method, by the channel that took them (null: the platform's
 * own tools, or not yet known) and their status now. The ops console's "payments per minute".
 */
public record PayMinuteCountDTO(Instant minute, PayMethod method, String channel, String status, long count) implements Serializable {
}
