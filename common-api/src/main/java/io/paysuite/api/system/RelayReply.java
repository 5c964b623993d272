package io.paysuite.api.system;

import java.io.Serializable;

/** A service's own answer plus the answer of the next service in the ring, or the error calling it. */
public record RelayReply(ProbeReply self, ProbeReply next, String error) implements Serializable {
}
