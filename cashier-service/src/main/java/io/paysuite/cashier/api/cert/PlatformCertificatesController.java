package io.paysuite.cashier.api.cert;

import io.paysuite.cashier.api.Times;
import io.paysuite.cashier.keys.PlatformKeys;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/platform-certificates}: what merchants verify our signatures with, newest
 * first, every one still valid (during a rotation both the old and the new). Like WeChat Pay's
 * certificate download it is itself a signed request with a signed answer; a merchant pins the
 * first certificate it trusts out of band and checks the answer's signature before believing it.
 */
@RestController
public class PlatformCertificatesController {

    public record CertificateView(String serialNo, String effectiveTime, String expireTime, String publicKeyPem,
                                  String certificatePem) {
    }

    public record CertificatesView(List<CertificateView> data) {
    }

    private final PlatformKeys keys;
    private final Times times;

    public PlatformCertificatesController(PlatformKeys keys, Times times) {
        this.keys = keys;
        this.times = times;
    }

    @GetMapping(path = "/api/v1/platform-certificates", produces = MediaType.APPLICATION_JSON_VALUE)
    public CertificatesView certificates() {
        return new CertificatesView(keys.certificates().stream()
                .map(c -> new CertificateView(c.serialNo(), times.format(c.effectiveTime()), times.format(c.expireTime()),
                        c.publicKeyPem(), c.certificatePem()))
                .toList());
    }
}
