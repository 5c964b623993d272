package io.paysuite.cashier.api.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.cashier.api.error.ErrorBody;
import io.paysuite.cashier.api.error.RequestIds;
import io.paysuite.cashier.api.limit.MerchantRateLimiter;
import io.paysuite.cashier.keys.PlatformSigner;
import io.paysuite.kit.shadow.ShadowContext;
import io.paysuite.kit.shadow.ShadowHeader;
import io.paysuite.kit.shadow.ShadowProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import org.apache.dubbo.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Everything a request to {@code /api/v1} passes before a controller sees it, in the order that
 * spends the least on a bad request, and the platform signature on everything that goes back:
 * <ol>
 *   <li>body at most 64 KiB ({@code 413 BODY_TOO_LARGE}), read once and kept for the signature;</li>
 *   <li>the {@code Authorization} header parses ({@code SIGN_ERROR});</li>
 *   <li>the timestamp is within ±300 s ({@code TIMESTAMP_EXPIRED});</li>
 *   <li>the app and key serial exist ({@code APP_NOT_FOUND});</li>
 *   <li>the signature verifies over {@code METHOD\nPATH_AND_QUERY\nTIMESTAMP\nNONCE\nBODY\n}
 *       ({@code SIGN_ERROR});</li>
 *   <li>the nonce is claimed, after the signature so nobody can burn a merchant's nonces
 *       ({@code NONCE_REUSED});</li>
 *   <li>the merchant's rate limit admits it ({@code 429 RATE_LIMITED}).</li>
 * </ol>
 * The verified merchant id is the request attribute {@link #MERCHANT_ID}; controllers never read
 * a merchant from the body, so a merchant cannot act for another.
 *
 * <p>Load traffic ({@link ShadowHeader}): the mark is entered first, so the key, the nonce and everything the
 * request causes are on the shadow side.
 */
@Component
public class OpenApiGate extends OncePerRequestFilter {

    public static final String MERCHANT_ID = "paysuite.merchantId";
    private static final Logger log = LoggerFactory.getLogger(OpenApiGate.class);

    private final OpenApiProperties properties;
    private final AppKeys appKeys;
    private final Nonces nonces;
    private final MerchantRateLimiter limiter;
    private final PlatformSigner signer;
    private final ObjectMapper json;
    private final Clock clock;
    private final ShadowProperties shadow;

    public OpenApiGate(OpenApiProperties properties, AppKeys appKeys, Nonces nonces, MerchantRateLimiter limiter,
                       PlatformSigner signer, ObjectMapper json, Clock clock, ShadowProperties shadow) {
        this.shadow = shadow;
        this.properties = properties;
        this.appKeys = appKeys;
        this.nonces = nonces;
        this.limiter = limiter;
        this.signer = signer;
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/v1/") || path.startsWith("/api/v1/openapi");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = RequestIds.of(request);
        ContentCachingResponseWrapper signed = new ContentCachingResponseWrapper(response);
        signed.setHeader(RequestIds.HEADER, requestId);
        try (ShadowContext.Scope load = ShadowHeader.enter(request.getHeader(ShadowContext.HEADER), shadow)) {
            byte[] body = readBody(request);
            MerchantAuthorization auth = MerchantAuthorization.parse(request.getHeader("Authorization"));
            long skew = Math.abs(clock.instant().getEpochSecond() - auth.timestamp());
            if (skew > properties.timestampWindow().toSeconds()) {
                throw new BizException(ErrorCode.TIMESTAMP_EXPIRED, "timestamp is " + skew + " s away from the server clock");
            }
            AppKeys.AppKey key = appKeys.find(auth.appId(), auth.serialNo());
            verify(auth, key, request, body);
            nonces.claim(auth.appId(), auth.nonce());
            request.setAttribute(MERCHANT_ID, key.merchantId());
            try (MerchantRateLimiter.Permit permit = limiter.enter(key.merchantId())) {
                chain.doFilter(new CachedBodyRequest(request, body), signed);
            }
            if (!"GET".equals(request.getMethod())) {
                // a write the merchant may quote by its request_id: the line that starts its trace in the logs
                log.info("open api {} {} answered {} merchant_id={} request_id={}", request.getMethod(), request.getRequestURI(),
                        signed.getStatus(), key.merchantId(), requestId);
            }
        } catch (BizException refused) {
            writeError(signed, refused.code(), refused.getMessage(), requestId);
            log.info("open api refused {} {} request_id={} code={} {}", request.getMethod(), request.getRequestURI(),
                    requestId, refused.code(), refused.getMessage());
        } catch (RpcException unavailable) {
            // member-service could not vouch for the key: nothing ran, the merchant may retry as is
            log.warn("open api gate could not reach a service request_id={} {}", requestId, unavailable.toString());
            writeError(signed, ErrorCode.SERVICE_DEGRADED, "a service is unavailable; retry later", requestId);
        }
        byte[] out = signed.getContentAsByteArray();
        PlatformSigner.Signed signature = signer.sign(out);
        signed.setHeader(PlatformSigner.TIMESTAMP, signature.timestamp());
        signed.setHeader(PlatformSigner.NONCE, signature.nonce());
        signed.setHeader(PlatformSigner.SERIAL, signature.serial());
        signed.setHeader(PlatformSigner.SIGNATURE, signature.signature());
        signed.copyBodyToResponse();
    }

    private byte[] readBody(HttpServletRequest request) throws IOException {
        int limit = properties.bodyLimitBytes();
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw tooLarge(limit);
            }
            return body;
        }
    }

    private static BizException tooLarge(int limit) {
        return new BizException(ErrorCode.BODY_TOO_LARGE, "the body exceeds " + limit + " bytes");
    }

    private static void verify(MerchantAuthorization auth, AppKeys.AppKey key, HttpServletRequest request, byte[] body) {
        String pathAndQuery = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String message = auth.message(request.getMethod(), pathAndQuery, new String(body, StandardCharsets.UTF_8));
        boolean valid;
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key.publicKey());
            rsa.update(message.getBytes(StandardCharsets.UTF_8));
            valid = rsa.verify(Base64.getDecoder().decode(auth.signature()));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            valid = false;
        }
        if (!valid) {
            throw new BizException(ErrorCode.SIGN_ERROR, "the signature does not verify with key " + auth.serialNo());
        }
    }

    private void writeError(ContentCachingResponseWrapper response, ErrorCode code, String message, String requestId)
            throws IOException {
        response.resetBuffer();
        response.setStatus(code.httpStatus());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(new ErrorBody(code.code(), message, requestId)));
    }
}
