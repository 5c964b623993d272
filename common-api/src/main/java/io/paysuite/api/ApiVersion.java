package io.paysuite.api;

/**
 * The Dubbo service version of this API: every {@code @DubboService} exports under it and every
 * consumer reference asks for it, written once here so that a provider and its callers cannot
 * drift apart.
 *
 * <p>It follows the <em>major</em> of common-api's semantic version (docs/consumers.md,
 * "Compatibility"): additions (minor) and fixes (patch) keep old consumers working and keep this
 * version; a breaking change bumps the jar's major and this constant together, and a provider of
 * the new major can be run next to the old one while consumers move over.
 */
public final class ApiVersion {

    /** The version every Paysuite Dubbo service is exported and referred under. */
    public static final String DUBBO = "1.0.0";

    private ApiVersion() {
    }
}
