package io.paysuite.api.system;

import java.io.Serializable;

/** One service's answer: who answered (service and process), and whether its database answered. */
public record ProbeReply(String service, String instance, boolean databaseUp, String database, long answeredAtMillis)
        implements Serializable {
}
