package io.paysuite.cashier.page;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The browser's device id for pay-core's risk rules (velocity per device, cards per device,
 * blacklisted devices): a random id in a long-lived cookie, set on the first payment from a browser
 * and sent with every later one. Not a secret and not a login: a buyer who clears cookies is a new
 * device, which the rules treat as a device with no history. HttpOnly, Secure, SameSite=Lax, path /.
 */
final class DeviceCookie {

    static final String NAME = "paysuite_device";
    private static final Duration LIFETIME = Duration.ofDays(730);
    private static final Pattern VALID = Pattern.compile("[0-9a-f]{32}");

    private DeviceCookie() {
    }

    /** The browser's device id; a new one (set on the response) when it has none or sent a malformed one. */
    static String ensure(String sent, HttpServletResponse response) {
        if (sent != null && VALID.matcher(sent).matches()) {
            return sent;
        }
        String id = UUID.randomUUID().toString().replace("-", "");
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(NAME, id).path("/").maxAge(LIFETIME).httpOnly(true)
                .secure(true).sameSite("Lax").build().toString());
        return id;
    }
}
