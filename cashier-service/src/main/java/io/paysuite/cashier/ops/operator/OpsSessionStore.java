package io.paysuite.cashier.ops.operator;

import java.time.Instant;
import java.util.Optional;

/** The console sessions' table (infra: MyBatis), shared by every instance. */
public interface OpsSessionStore {

    void insert(OpsSession session);

    Optional<OpsSession> find(String sessionHash);

    void touch(String sessionHash, Instant lastSeenAt, Instant idleExpiresAt);

    void end(String sessionHash, Instant now);

    void endAllOf(String loginName, Instant now);
}
