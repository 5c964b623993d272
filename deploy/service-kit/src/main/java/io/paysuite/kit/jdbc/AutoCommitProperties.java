package io.paysuite.kit.jdbc;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.jdbc.auto-commit.*}: how the kit's MySQL pools bracket transactions.
 *
 * @param deferRestore whether each physical connection of a MySQL pool puts off switching auto-commit back
 *                     on after a transaction until something needs it ({@link DeferredAutoCommitConnection}:
 *                     two statements fewer per transaction). On by default; {@code false} gives every pool the
 *                     driver's connections as they are, for a service that must rule the wrapper out
 */
@ConfigurationProperties("paysuite.jdbc.auto-commit")
public record AutoCommitProperties(@DefaultValue("true") boolean deferRestore) {

    /** What a service without {@code paysuite.jdbc.auto-commit.*} runs with. */
    public static AutoCommitProperties defaults() {
        return new AutoCommitProperties(true);
    }
}
