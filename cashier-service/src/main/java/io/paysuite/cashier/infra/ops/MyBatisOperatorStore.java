package io.paysuite.cashier.infra.ops;

import io.paysuite.cashier.infra.ops.OpsConsoleMapper.OperatorDO;
import io.paysuite.cashier.ops.operator.Operator;
import io.paysuite.cashier.ops.operator.OperatorRole;
import io.paysuite.cashier.ops.operator.OperatorStatus;
import io.paysuite.cashier.ops.operator.OperatorStore;
import io.paysuite.kit.jdbc.DuplicateKey;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link OperatorStore} in cashier-service's database, through MyBatis. */
@Component
public class MyBatisOperatorStore implements OperatorStore {

    private final OpsConsoleMapper mapper;

    public MyBatisOperatorStore(OpsConsoleMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Optional<Operator> find(String loginName) {
        return Optional.ofNullable(mapper.findOperator(loginName)).map(MyBatisOperatorStore::operator);
    }

    @Override
    public List<Operator> list() {
        return mapper.operators().stream().map(MyBatisOperatorStore::operator).toList();
    }

    @Override
    public boolean insert(Operator o) {
        return DuplicateKey.inserted(() -> mapper.insertOperator(new OperatorDO(o.loginName(), o.displayName(), o.role().name(),
                o.passwordHash(), o.status().name(), o.failedLogins(), utc(o.lockedUntil()), utc(o.createdAt()), o.createdBy(),
                utc(o.updatedAt()))));
    }

    @Override
    public void recordFailedLogin(String loginName, int failedLogins, Instant lockedUntil, Instant now) {
        mapper.failedLogin(loginName, failedLogins, utc(lockedUntil), utc(now));
    }

    @Override
    public void recordLogin(String loginName, Instant now) {
        mapper.loggedIn(loginName, utc(now));
    }

    @Override
    public boolean change(String loginName, OperatorRole role, OperatorStatus status, Instant now) {
        return mapper.change(loginName, role.name(), status.name(), utc(now)) > 0;
    }

    @Override
    public void changePassword(String loginName, String passwordHash, Instant now) {
        mapper.changePassword(loginName, passwordHash, utc(now));
    }

    static Operator operator(OperatorDO r) {
        return new Operator(r.loginName(), r.displayName(), OperatorRole.valueOf(r.role()), r.passwordHash(),
                OperatorStatus.valueOf(r.status()), r.failedLogins(), instant(r.lockedUntil()), instant(r.createdAt()), r.createdBy(),
                instant(r.updatedAt()));
    }

    static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
