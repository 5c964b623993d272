package io.paysuite.cashier.ops.operator;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.cashier.ops.console.*}: the operators' console.
 *
 * @param idleTimeout      a session with no request for this long ends
 * @param absoluteTimeout  a session ends this long after login, however busy
 * @param maxFailedLogins  wrong passwords in a row that lock the account
 * @param lockout          how long a locked account refuses every password
 * @param bootstrapAdmin   the first admin, created at start if no operator has its login name
 */
@ConfigurationProperties("paysuite.cashier.ops.console")
public record ConsoleProperties(@DefaultValue("30m") Duration idleTimeout,
                                @DefaultValue("8h") Duration absoluteTimeout,
                                @DefaultValue("5") int maxFailedLogins,
                                @DefaultValue("15m") Duration lockout,
                                @DefaultValue BootstrapAdmin bootstrapAdmin) {

    /**
     * @param loginName    the admin's login name
     * @param password     its password; wins over {@code passwordFile}
     * @param passwordFile a file holding it (the local run writes {@code .paysuite/ops-admin-password} next to the
     *                     ops token)
     */
    public record BootstrapAdmin(@DefaultValue("admin") String loginName, String password, Path passwordFile) {
    }
}
