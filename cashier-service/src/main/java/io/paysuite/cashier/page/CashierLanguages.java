package io.paysuite.cashier.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The languages of the cashier pages: English (the default) and Simplified Chinese. Without a choice
 * the browser's {@code Accept-Language} decides ({@code zh}, {@code zh-CN}, {@code zh-Hans…} all
 * read Chinese); {@code ?lang=zh_CN} or {@code ?lang=en} switches and is remembered in a cookie.
 */
final class CashierLanguages implements HandlerInterceptor {

    static final String PARAM = "lang";
    static final String COOKIE = "paysuite_lang";
    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final Locale ENGLISH = Locale.ENGLISH;

    private final LocaleResolver resolver;

    CashierLanguages(LocaleResolver resolver) {
        this.resolver = resolver;
    }

    /** The resolver DispatcherServlet uses: the cookie if set, else the negotiated language. */
    static LocaleResolver resolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSecure(true);
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(request -> negotiate(request.getHeader("Accept-Language")));
        return resolver;
    }

    /** The supported language an {@code Accept-Language} header prefers, English if none. */
    static Locale negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                if (range.getWeight() <= 0 || range.getRange().equals("*")) {
                    continue;
                }
                String language = range.getRange().split("-")[0];
                if (language.equals("zh")) {
                    return CHINESE;
                }
                if (language.equals("en")) {
                    return ENGLISH;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
        return ENGLISH;
    }

    /** {@code zh_CN}/{@code zh-CN}/{@code zh} or {@code en}; anything else is no choice. */
    static Optional<Locale> chosen(String lang) {
        if (lang == null) {
            return Optional.empty();
        }
        String normalized = lang.trim().replace('-', '_').toLowerCase(Locale.ROOT);
        if (normalized.equals("zh") || normalized.equals("zh_cn")) {
            return Optional.of(CHINESE);
        }
        if (normalized.startsWith("en")) {
            return Optional.of(ENGLISH);
        }
        return Optional.empty();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        chosen(request.getParameter(PARAM)).ifPresent(locale -> resolver.setLocale(request, response, locale));
        return true;
    }
}
