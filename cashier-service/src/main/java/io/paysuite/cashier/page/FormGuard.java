package io.paysuite.cashier.page;

/**
 * CSRF protection of the pay form: the form carries HMAC(session cookie, cashier token) in a
 * hidden field, and a submitted form pays only if that field matches the session that submits it.
 * Another site can make the browser send the cookie (at worst; SameSite=Lax already stops
 * cross-site posts) but cannot read the page to learn the field. Stateless like the session, so
 * the form works whichever instance renders or receives it.
 */
public final class FormGuard {

    private final PageKeys keys;

    FormGuard(PageKeys keys) {
        this.keys = keys;
    }

    /** The hidden field of a form rendered for this session on this cashier page. */
    public String fieldFor(String sessionCookie, String cashierToken) {
        return keys.sign(text(sessionCookie, cashierToken));
    }

    /** Whether a submitted field belongs to this session on this cashier page. */
    public boolean accepts(String field, String sessionCookie, String cashierToken) {
        return field != null && sessionCookie != null && keys.verify(text(sessionCookie, cashierToken), field);
    }

    private static String text(String sessionCookie, String cashierToken) {
        return "pay-form|" + sessionCookie + "|" + cashierToken;
    }
}
