package io.paysuite.cashier.ops.operator;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Admins managing operators: create one with a role and a first password, change its role, disable or re-enable it
 * (disabling ends its sessions at once), unlock it. Login names are lower-case and can never read as the token's
 * holder, so the audit log's {@code actor} is never ambiguous.
 */
public class Operators {

    static final Pattern LOGIN_NAME = Pattern.compile("[a-z][a-z0-9._-]{2,63}");
    static final int MIN_PASSWORD = 12;

    private final OperatorStore store;
    private final OpsSessionStore sessions;
    private final PasswordHashes hashes;
    private final Clock clock;

    public Operators(OperatorStore store, OpsSessionStore sessions, PasswordHashes hashes, Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.hashes = hashes;
        this.clock = clock;
    }

    public record NewOperator(String loginName, String displayName, OperatorRole role, String password) {
    }

    public Operator create(NewOperator cmd, String createdBy) {
        String name = cmd.loginName() == null ? "" : cmd.loginName().strip();
        if (!LOGIN_NAME.matcher(name).matches() || name.startsWith(OpsPrincipal.TOKEN_HOLDER)) {
            throw new BizException(ErrorCode.PARAM_ERROR,
                    "login_name must be 3-64 of a-z 0-9 . _ - starting with a letter, and not start with ops-token");
        }
        if (cmd.role() == null) {
            throw new BizException(ErrorCode.PARAM_ERROR, "role must be VIEWER, OPERATOR or ADMIN");
        }
        checkPassword(cmd.password());
        Instant now = clock.instant();
        String display = cmd.displayName() == null || cmd.displayName().isBlank() ? name : cmd.displayName().strip();
        Operator operator = new Operator(name, display.length() > 128 ? display.substring(0, 128) : display, cmd.role(),
                hashes.hash(cmd.password()), OperatorStatus.ACTIVE, 0, null, now, createdBy, now);
        if (!store.insert(operator)) {
            throw new BizException(ErrorCode.OPERATOR_EXISTS, "an operator named " + name + " exists already");
        }
        return operator;
    }

    /** Role and status as given (null keeps the current one); answers the operator as it is now. */
    public Operator change(String loginName, OperatorRole role, OperatorStatus status) {
        Operator current = get(loginName);
        Instant now = clock.instant();
        store.change(loginName, role == null ? current.role() : role, status == null ? current.status() : status, now);
        if (status == OperatorStatus.DISABLED) {
            sessions.endAllOf(loginName, now);
        }
        return get(loginName);
    }

    public Operator resetPassword(String loginName, String password) {
        get(loginName);
        checkPassword(password);
        Instant now = clock.instant();
        store.changePassword(loginName, hashes.hash(password), now);
        sessions.endAllOf(loginName, now);
        return get(loginName);
    }

    public Operator get(String loginName) {
        return store.find(loginName).orElseThrow(() -> new BizException(ErrorCode.OPERATOR_NOT_FOUND, "no operator " + loginName));
    }

    public List<Operator> list() {
        return store.list();
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 72) {
            // BCrypt reads at most 72 bytes: a longer password would silently be cut
            throw new BizException(ErrorCode.PARAM_ERROR, "password must be " + MIN_PASSWORD + " to 72 characters");
        }
    }
}
