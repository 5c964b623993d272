package io.paysuite.cashier.infra.ops;

import static io.paysuite.cashier.infra.ops.MyBatisOperatorStore.instant;
import static io.paysuite.cashier.infra.ops.MyBatisOperatorStore.utc;

import io.paysuite.cashier.infra.ops.OpsConsoleMapper.SessionDO;
import io.paysuite.cashier.ops.operator.OpsSession;
import io.paysuite.cashier.ops.operator.OpsSessionStore;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link OpsSessionStore} in cashier-service's database, through MyBatis: every instance sees every login. */
@Component
public class MyBatisOpsSessionStore implements OpsSessionStore {

    private final OpsConsoleMapper mapper;

    public MyBatisOpsSessionStore(OpsConsoleMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void insert(OpsSession s) {
        mapper.insertSession(new SessionDO(s.sessionHash(), s.loginName(), s.csrfToken(), utc(s.createdAt()), utc(s.lastSeenAt()),
                utc(s.idleExpiresAt()), utc(s.expiresAt()), utc(s.endedAt())));
    }

    @Override
    public Optional<OpsSession> find(String sessionHash) {
        return Optional.ofNullable(mapper.findSession(sessionHash)).map(r -> new OpsSession(r.sessionHash(), r.loginName(),
                r.csrfToken(), instant(r.createdAt()), instant(r.lastSeenAt()), instant(r.idleExpiresAt()), instant(r.expiresAt()),
                instant(r.endedAt())));
    }

    @Override
    public void touch(String sessionHash, Instant lastSeenAt, Instant idleExpiresAt) {
        mapper.touch(sessionHash, utc(lastSeenAt), utc(idleExpiresAt));
    }

    @Override
    public void end(String sessionHash, Instant now) {
        mapper.end(sessionHash, utc(now));
    }

    @Override
    public void endAllOf(String loginName, Instant now) {
        mapper.endAll(loginName, utc(now));
    }
}
