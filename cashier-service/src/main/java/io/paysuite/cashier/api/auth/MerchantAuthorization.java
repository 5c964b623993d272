package io.paysuite.cashier.api.auth;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Authorization} header of docs/api/API.md:
 * {@code PAYSUITE-SHA256-RSA2048 app_id="…",serial_no="…",timestamp="…",nonce_str="…",signature="…"}.
 * Parsing refuses anything else with {@code SIGN_ERROR}; nothing is trusted before the signature
 * is verified.
 */
public record MerchantAuthorization(String appId, String serialNo, long timestamp, String nonce, String signature) {

    public static final String SCHEME = "PAYSUITE-SHA256-RSA2048";
    private static final Pattern PAIR = Pattern.compile("\\s*([a-z_]+)=\"([^\"]*)\"\\s*(,|$)");
    /** Compiled once: {@code String.matches} compiled it again on every request. */
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{1,12}");
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9]{16,32}");

    public static MerchantAuthorization parse(String header) {
        if (header == null || !header.startsWith(SCHEME + " ")) {
            throw refused("Authorization must use the " + SCHEME + " scheme");
        }
        Map<String, String> fields = new HashMap<>();
        Matcher matcher = PAIR.matcher(header.substring(SCHEME.length() + 1));
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            if (fields.put(matcher.group(1), matcher.group(2)) != null) {
                throw refused("Authorization names " + matcher.group(1) + " twice");
            }
            end = matcher.end();
        }
        if (end != header.length() - SCHEME.length() - 1) {
            throw refused("Authorization is malformed");
        }
        String appId = required(fields, "app_id");
        String serialNo = required(fields, "serial_no");
        String timestamp = required(fields, "timestamp");
        String nonce = required(fields, "nonce_str");
        String signature = required(fields, "signature");
        if (!TIMESTAMP.matcher(timestamp).matches()) {
            throw refused("timestamp must be Unix seconds");
        }
        if (!NONCE.matcher(nonce).matches()) {
            throw refused("nonce_str must be 16 to 32 letters or digits");
        }
        return new MerchantAuthorization(appId, serialNo, Long.parseLong(timestamp), nonce, signature);
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw refused("Authorization lacks " + name);
        }
        return value;
    }

    private static BizException refused(String message) {
        return new BizException(ErrorCode.SIGN_ERROR, message);
    }

    /** docs/api/API.md: {@code METHOD\nPATH_AND_QUERY\nTIMESTAMP\nNONCE_STR\nBODY\n}. */
    public String message(String method, String pathAndQuery, String body) {
        return method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + body + "\n";
    }
}
