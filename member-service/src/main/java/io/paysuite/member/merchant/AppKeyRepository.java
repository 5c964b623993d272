package io.paysuite.member.merchant;

import java.util.Optional;

/** Public keys of merchant apps; implemented in {@code infra.merchant}. */
public interface AppKeyRepository {

    /** The merchant of an active app whose merchant is enabled; empty otherwise. */
    Optional<String> merchantOfUsableApp(String appId);

    /**
     * Inserts a key; the unique index on the serial number decides a race.
     *
     * @return false when the serial is already registered (nothing written)
     */
    boolean insert(AppKey key);

    /** The key with this serial, whatever its state (to tell a repeat from a conflict). */
    Optional<AppKey> findBySerialNo(String serialNo);

    /**
     * Ends the validity of app {@code appId}'s active keys other than {@code keepSerialNo} at {@code until}, where they
     * had no end or a later one; answers how many it changed.
     */
    int retireOthers(String appId, String keepSerialNo, java.time.Instant until);

    /** The active key {@code serialNo} of active app {@code appId} of an enabled merchant. */
    Optional<AppKey> findUsable(String appId, String serialNo);
}
