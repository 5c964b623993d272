package io.paysuite.member.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Member rules that differ between the local run and production.
 *
 * @param payPasswordMaxFailures wrong payment passwords in a row that lock payments (5: the wallet norm)
 * @param payPasswordLockout     how long payments stay locked after that (15 min)
 * @param bcryptStrength         BCrypt cost factor, log2 of the rounds (10 ≈ tens of ms per hash;
 *                               tests may lower it, production may raise it; existing hashes keep theirs)
 * @param cardTokenKeyFile       file holding Base64 of the 32-byte key that seals bound-card tokens at rest
 *                               (required; the local run writes one under its keys directory; losing it makes
 *                               every bound card unusable, so production keeps it in its secret store)
 */
@Validated
@ConfigurationProperties("paysuite.member")
public record MemberProperties(
        @DefaultValue("5") @Min(1) @Max(100) int payPasswordMaxFailures,
        @DefaultValue("15m") @NotNull Duration payPasswordLockout,
        @DefaultValue("10") @Min(4) @Max(31) int bcryptStrength,
        @NotNull Path cardTokenKeyFile) {
}
