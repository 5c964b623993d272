package io.paysuite.cashier.page;

import java.net.URI;

/**
 * A page that shows where a trade stands instead of a form: its {@code status} (the trade status
 * name the {@code pay-result} element carries, e.g. {@code SUCCESS}), the localized text, and
 * where the page goes by itself ({@code <meta http-equiv="refresh">}): back to the cashier page while
 * a payment is in progress, to the merchant's {@code return_url} after a success.
 *
 * @param status       trade status name shown in {@code pay-result}
 * @param messageKey   localized text ({@code messages*.properties})
 * @param refreshAfter seconds until {@code refreshUrl} is loaded, or 0 for no refresh
 * @param refreshUrl   the page to load, or null
 * @param returnUrl    the merchant's page to offer a link to, or null
 */
record StatusPage(String status, String messageKey, long refreshAfter, String refreshUrl, String returnUrl) {

    /** Paid just now (this page made the payment). */
    static StatusPage paid(String returnUrl, long returnDelaySeconds) {
        String back = safeReturnUrl(returnUrl);
        return new StatusPage("SUCCESS", "result.SUCCESS", back == null ? 0 : returnDelaySeconds, back, back);
    }

    /** Paid, where the trade's status is not {@code SUCCESS} (a pre-authorisation: {@code AUTHORIZED}). */
    static StatusPage paid(String status, String returnUrl, long returnDelaySeconds) {
        String back = safeReturnUrl(returnUrl);
        return new StatusPage(status, "result.SUCCESS", back == null ? 0 : returnDelaySeconds, back, back);
    }

    /** Found paid when the page was opened: no automatic return, the buyer may just be looking. */
    static StatusPage alreadyPaid(String status, String returnUrl) {
        return new StatusPage(status, "result.PAID", 0, null, safeReturnUrl(returnUrl));
    }

    /** Outcome not known yet: "uncertain is not failed", so ask again until the trade is final. */
    static StatusPage inProgress(String cashierPath, long refreshSeconds) {
        return new StatusPage("PAYING", "result.PAYING", refreshSeconds, cashierPath, null);
    }

    static StatusPage closed() {
        return new StatusPage("CLOSED", "result.CLOSED", 0, null, null);
    }

    /** Past {@code time_expire}: closed for the buyer even before trade-core's expiry closes it (docs/api/API.md). */
    static StatusPage expired() {
        return new StatusPage("CLOSED", "result.EXPIRED", 0, null, null);
    }

    /**
     * Only http(s) URLs are followed: a {@code javascript:} or {@code data:} URL in a link or a
     * refresh would run in the cashier's origin. trade-core checks this on create; this page does not
     * rely on it.
     */
    static String safeReturnUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme();
            boolean web = "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
            return web && uri.getHost() != null ? uri.toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
