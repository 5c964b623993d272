package io.paysuite.cashier.ops.operator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * The first admin, so there is someone to create the other operators: at start, if no operator has the configured
 * login name and a password is configured ({@code paysuite.cashier.ops.console.bootstrap-admin.password} or its
 * {@code password-file}), that admin is created. An existing one is left alone — its password is whatever the console
 * last set, not the file's. Two instances starting together both try; the login name's primary key keeps one.
 */
public class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final ConsoleProperties.BootstrapAdmin config;
    private final OperatorStore store;
    private final Operators operators;

    public BootstrapAdmin(ConsoleProperties properties, OperatorStore store, Operators operators) {
        this.config = properties.bootstrapAdmin();
        this.store = store;
        this.operators = operators;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (store.find(config.loginName()).isPresent()) {
            return;
        }
        String password = password();
        if (password == null) {
            log.info("no bootstrap admin password configured: the ops console has no admin until one is");
            return;
        }
        try {
            operators.create(new Operators.NewOperator(config.loginName(), "Administrator", OperatorRole.ADMIN, password), "bootstrap");
            log.info("ops console: bootstrap admin '{}' created", config.loginName());
        } catch (RuntimeException alreadyOrInvalid) {
            log.warn("ops console: bootstrap admin '{}' not created: {}", config.loginName(), alreadyOrInvalid.getMessage());
        }
    }

    private String password() {
        if (config.password() != null && !config.password().isBlank()) {
            return config.password();
        }
        if (config.passwordFile() != null && Files.exists(config.passwordFile())) {
            try {
                return Files.readString(config.passwordFile()).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + config.passwordFile(), e);
            }
        }
        return null;
    }
}
