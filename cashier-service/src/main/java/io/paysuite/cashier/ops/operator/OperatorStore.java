package io.paysuite.cashier.ops.operator;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The operators' table (infra: MyBatis). */
public interface OperatorStore {

    Optional<Operator> find(String loginName);

    List<Operator> list();

    /** False if the login name is taken (its primary key). */
    boolean insert(Operator operator);

    void recordFailedLogin(String loginName, int failedLogins, Instant lockedUntil, Instant now);

    void recordLogin(String loginName, Instant now);

    /** False if there is no such operator. */
    boolean change(String loginName, OperatorRole role, OperatorStatus status, Instant now);

    void changePassword(String loginName, String passwordHash, Instant now);
}
