package io.paysuite.kit.shadow;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;

/**
 * The open API's load-test header ({@value ShadowContext#HEADER}) read into the mark. {@code 1} marks the
 * request, no header (what every merchant's till sends) or {@code 0} leaves it real; any other value, or a
 * marked request where load tests are switched off, is refused with {@code LOAD_TEST_NOT_ALLOWED} — a load
 * tool that thinks it runs on the shadow side must never run as real traffic.
 *
 * <p>Who may send it: any merchant whose key is known on the shadow side. The gate enters the mark before
 * it looks the key up, so a marked request is verified against member-service's shadow database, where
 * only the merchants an operator (or the local run's seed) put there exist; a real merchant's key does not
 * open the shadow side, nor a shadow key the real one.
 */
public final class ShadowHeader {

    private ShadowHeader() {
    }

    /** The mark the request asks for, entered until the scope closes; throws when it may not be given. */
    public static ShadowContext.Scope enter(String header, ShadowProperties properties) {
        if (header == null || header.isBlank() || "0".equals(header.trim())) {
            return ShadowContext.enter(false);
        }
        if (!ShadowContext.marks(header.trim())) {
            throw new BizException(ErrorCode.LOAD_TEST_NOT_ALLOWED, ShadowContext.HEADER + " must be 1 or absent");
        }
        if (!properties.enabled()) {
            throw new BizException(ErrorCode.LOAD_TEST_NOT_ALLOWED, "load tests are switched off on this platform");
        }
        return ShadowContext.enter();
    }
}
