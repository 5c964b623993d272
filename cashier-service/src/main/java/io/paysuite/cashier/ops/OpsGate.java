package io.paysuite.cashier.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.cashier.api.error.ErrorBody;
import io.paysuite.cashier.api.error.RequestIds;
import io.paysuite.cashier.ops.audit.OpsAudit;
import io.paysuite.cashier.ops.operator.OperatorLogins;
import io.paysuite.cashier.ops.operator.OperatorRole;
import io.paysuite.cashier.ops.operator.OpsPermissions;
import io.paysuite.cashier.ops.operator.OpsPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The one door of {@code /ops/api/v1} (docs/api/API.md, "Ops API"). It lets in
 * <ul>
 *   <li>machines with {@code Authorization: Bearer {ops token}} (compared in constant time), acting as the system
 *       operator {@code ops-token} with every right; or</li>
 *   <li>people logged in to the ops console (the {@value #SESSION_COOKIE} cookie), with their role's rights
 *       ({@link OpsPermissions}) and, on anything that changes something, the session's CSRF token in
 *       {@value #CSRF_HEADER} (a synchronizer token: a page of another site can make the browser send the cookie,
 *       never read the token).</li>
 * </ul>
 * Refusals: {@code 401 OPS_UNAUTHORIZED}, {@code 403 OPS_FORBIDDEN} (role), {@code 403 OPS_CSRF}; logged with the
 * caller's address, never with the token. Every request that changes something — let in or refused for its role or
 * CSRF — ends as a line of the audit log ({@link OpsAudit}), with its body and the answer's.
 */
@Component
public class OpsGate extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(OpsGate.class);
    public static final String UNAUTHORIZED = "OPS_UNAUTHORIZED";
    public static final String FORBIDDEN = "OPS_FORBIDDEN";
    public static final String CSRF_REFUSED = "OPS_CSRF";
    public static final String SESSION_COOKIE = "paysuite_ops";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Request and answer bodies kept for the audit line (it cuts them shorter still). */
    private static final int AUDIT_BODY_LIMIT = 64 * 1024;

    private final byte[] token;
    private final ObjectMapper json;
    private final OperatorLogins logins;
    private final OpsAudit audit;

    public OpsGate(OpsProperties properties, ObjectMapper json, OperatorLogins logins, OpsAudit audit) throws IOException {
        this.json = json;
        this.logins = logins;
        this.audit = audit;
        String configured = properties.token();
        if ((configured == null || configured.isBlank()) && properties.tokenFile() != null
                && Files.exists(properties.tokenFile())) {
            configured = Files.readString(properties.tokenFile()).trim();
        }
        if (configured == null || configured.length() < 16) {
            log.warn("no ops token of at least 16 characters configured (paysuite.cashier.ops.token or token-file): only console logins reach the ops API");
            configured = null;
        }
        this.token = configured == null ? null : configured.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/ops/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<OpsPrincipal> who = authenticate(request);
        if (who.isEmpty()) {
            log.warn("ops api refused {} {} from {}", request.getMethod(), request.getRequestURI(), request.getRemoteAddr());
            refuse(request, response, 401, UNAUTHORIZED, "a valid ops bearer token or a console login is required");
            return;
        }
        OpsPrincipal principal = who.get();
        boolean changes = OpsPermissions.changes(request.getMethod());
        OperatorRole required = OpsPermissions.required(request.getMethod(), request.getRequestURI());
        if (!principal.role().covers(required)) {
            log.warn("ops api refused {} {} to {} ({}; needs {})", request.getMethod(), request.getRequestURI(), principal.name(),
                    principal.role(), required);
            refuse(request, response, 403, FORBIDDEN, "this needs the " + required + " role");
            if (changes) {
                audit.request(principal.name(), principal.role().name(), request, null, 403, null);
            }
            return;
        }
        if (changes && !principal.system() && !csrfAccepted(principal, request.getHeader(CSRF_HEADER))) {
            log.warn("ops api refused {} {} to {}: no valid CSRF token", request.getMethod(), request.getRequestURI(), principal.name());
            refuse(request, response, 403, CSRF_REFUSED, "the console's CSRF token is missing or wrong; reload the page");
            audit.request(principal.name(), principal.role().name(), request, null, 403, null);
            return;
        }
        principal.attachTo(request);
        if (!changes) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingRequestWrapper keptRequest = new ContentCachingRequestWrapper(request, AUDIT_BODY_LIMIT);
        ContentCachingResponseWrapper keptResponse = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(keptRequest, keptResponse);
        } finally {
            audit.request(principal.name(), principal.role().name(), keptRequest, keptRequest.getContentAsByteArray(),
                    keptResponse.getStatus(), keptResponse.getContentAsByteArray());
            keptResponse.copyBodyToResponse();
        }
    }

    private Optional<OpsPrincipal> authenticate(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null) {
            byte[] presented = header.startsWith("Bearer ") ? header.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
            return token != null && MessageDigest.isEqual(token, presented) ? Optional.of(OpsPrincipal.TOKEN) : Optional.empty();
        }
        return logins.recognise(sessionCookie(request)).map(OperatorLogins.SignedIn::principal);
    }

    static boolean csrfAccepted(OpsPrincipal principal, String presented) {
        return presented != null && principal.csrfToken() != null
                && MessageDigest.isEqual(principal.csrfToken().getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    /** The console's session cookie of the request, if any. */
    public static String sessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (SESSION_COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String code, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(new ErrorBody(code, message, RequestIds.of(request))));
    }
}
