package io.paysuite.cashier.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.cashier.api.error.ErrorBody;
import io.paysuite.cashier.api.error.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /ops/api/v1} answers only to {@code Authorization: Bearer {ops token}} (docs/api/API.md), compared
 * in constant time. Refusals are logged with the caller's address, never with the token.
 */
@Component
public class OpsGate extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(OpsGate.class);
    public static final String UNAUTHORIZED = "OPS_UNAUTHORIZED";

    private final byte[] token;
    private final ObjectMapper json;

    public OpsGate(OpsProperties properties, ObjectMapper json) throws IOException {
        this.json = json;
        String configured = properties.token();
        if ((configured == null || configured.isBlank()) && properties.tokenFile() != null
                && Files.exists(properties.tokenFile())) {
            configured = Files.readString(properties.tokenFile()).trim();
        }
        if (configured == null || configured.length() < 16) {
            log.warn("no ops token of at least 16 characters configured (paysuite.cashier.ops.token or token-file): the ops API refuses everyone");
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
        String header = request.getHeader("Authorization");
        byte[] presented = header != null && header.startsWith("Bearer ")
                ? header.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (token == null || !MessageDigest.isEqual(token, presented)) {
            log.warn("ops api refused {} {} from {}", request.getMethod(), request.getRequestURI(), request.getRemoteAddr());
            response.setStatus(401);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(json.writeValueAsBytes(
                    new ErrorBody(UNAUTHORIZED, "a valid ops bearer token is required", RequestIds.of(request))));
            return;
        }
        chain.doFilter(request, response);
    }
}
