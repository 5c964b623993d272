package io.paysuite.cashier.ops.console;

import io.paysuite.cashier.ops.OpsGate;
import io.paysuite.cashier.ops.audit.OpsAudit;
import io.paysuite.cashier.ops.operator.ConsoleProperties;
import io.paysuite.cashier.ops.operator.OperatorLogins;
import io.paysuite.cashier.ops.operator.OperatorRole;
import io.paysuite.cashier.ops.operator.OpsPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ops console's pages ({@code /ops/}): server-side Thymeleaf pages whose data comes from the ops API
 * ({@code /ops/api/v1}) in the browser, with the session cookie and the session's CSRF token — the API stays the one
 * way in, and its gate decides every right. A page only hides the buttons the operator's role may not press.
 *
 * <p>Login and logout are forms. The login form's CSRF protection is a double-submit token (a random value in a
 * {@code SameSite=Strict} cookie and in the form; another site can neither read nor set the cookie), so no page of
 * another site can log a browser in as someone else. The session cookie is {@code HttpOnly}, {@code Secure},
 * {@code SameSite=Strict} and scoped to {@code /ops}; it lives until the browser closes, the session's own idle and
 * absolute deadlines rule on the server.
 */
@Controller
public class ConsolePages {

    static final String LOGIN_COOKIE = "paysuite_ops_login";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Page name to the role that may open it; the API refuses what a role may not do anyway. */
    private static final Map<String, OperatorRole> PAGES = Map.of(
            "dashboard", OperatorRole.VIEWER, "trades", OperatorRole.VIEWER, "notifications", OperatorRole.VIEWER,
            "reconciliations", OperatorRole.VIEWER, "settlements", OperatorRole.VIEWER, "channels", OperatorRole.VIEWER,
            "risk", OperatorRole.VIEWER, "merchants", OperatorRole.VIEWER, "operators", OperatorRole.ADMIN, "audit", OperatorRole.VIEWER);

    private final OperatorLogins logins;
    private final OpsAudit audit;
    private final ConsoleProperties properties;

    public ConsolePages(OperatorLogins logins, OpsAudit audit, ConsoleProperties properties) {
        this.logins = logins;
        this.audit = audit;
        this.properties = properties;
    }

    @GetMapping("/ops/login")
    public String loginPage(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (signedIn(request).isPresent()) {
            return "redirect:/ops/";
        }
        return showLogin(response, model, null);
    }

    @PostMapping("/ops/login")
    public String login(@RequestParam(name = "login_name", defaultValue = "") String loginName,
                        @RequestParam(name = "password", defaultValue = "") String password,
                        @RequestParam(name = "_csrf", defaultValue = "") String csrf,
                        @CookieValue(name = LOGIN_COOKIE, required = false) String csrfCookie,
                        HttpServletRequest request, HttpServletResponse response, Model model) {
        if (csrfCookie == null || !same(csrf, csrfCookie)) {
            audit.session(OpsAudit.Action.LOGIN_REFUSED, loginName, null, request, 403, "CSRF");
            response.setStatus(403);
            return showLogin(response, model, "ops.login.expired");
        }
        OperatorLogins.LoginResult result = logins.login(loginName, password);
        if (!result.loggedIn()) {
            audit.session(OpsAudit.Action.LOGIN_REFUSED, loginName, result.operator() == null ? null : result.operator().role().name(),
                    request, 401, result.refusal().name());
            response.setStatus(401);
            return showLogin(response, model, result.refusal() == OperatorLogins.Refusal.LOCKED ? "ops.login.locked" : "ops.login.refused");
        }
        audit.session(OpsAudit.Action.LOGIN, result.operator().loginName(), result.operator().role().name(), request, 200, null);
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(OpsGate.SESSION_COOKIE, result.cookie(), -1).toString());
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(LOGIN_COOKIE, "", 0).toString());
        return "redirect:/ops/";
    }

    @PostMapping("/ops/logout")
    public String logout(@RequestParam(name = "_csrf", defaultValue = "") String csrf, HttpServletRequest request,
                         HttpServletResponse response) {
        String cookie = OpsGate.sessionCookie(request);
        Optional<OperatorLogins.SignedIn> who = logins.recognise(cookie);
        if (who.isPresent() && same(csrf, who.get().session().csrfToken())) {
            logins.logout(cookie);
            audit.session(OpsAudit.Action.LOGOUT, who.get().operator().loginName(), who.get().operator().role().name(), request, 200, null);
            response.addHeader(HttpHeaders.SET_COOKIE, cookie(OpsGate.SESSION_COOKIE, "", 0).toString());
        }
        return "redirect:/ops/login";
    }

    @GetMapping({"/ops", "/ops/"})
    public String dashboard(HttpServletRequest request, HttpServletResponse response, Model model) {
        return page("dashboard", request, response, model);
    }

    @GetMapping("/ops/{page:[a-z]+}")
    public String page(@PathVariable("page") String page, HttpServletRequest request, HttpServletResponse response, Model model) {
        OperatorRole required = PAGES.get(page);
        if (required == null) {
            response.setStatus(404);
            return "ops/missing";
        }
        Optional<OperatorLogins.SignedIn> who = signedIn(request);
        if (who.isEmpty()) {
            return "redirect:/ops/login";
        }
        OpsPrincipal me = who.get().principal();
        model.addAttribute("me", me);
        model.addAttribute("page", page);
        model.addAttribute("canOperate", me.role().covers(OperatorRole.OPERATOR));
        model.addAttribute("isAdmin", me.role().covers(OperatorRole.ADMIN));
        model.addAttribute("idleMinutes", properties.idleTimeout().toMinutes());
        if (!me.role().covers(required)) {
            response.setStatus(403);
            return "ops/forbidden";
        }
        return "ops/" + page;
    }

    private Optional<OperatorLogins.SignedIn> signedIn(HttpServletRequest request) {
        return logins.recognise(OpsGate.sessionCookie(request));
    }

    private String showLogin(HttpServletResponse response, Model model, String error) {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(LOGIN_COOKIE, token, -1).toString());
        model.addAttribute("loginCsrf", token);
        model.addAttribute("error", error);
        return "ops/login";
    }

    private static ResponseCookie cookie(String name, String value, long maxAgeSeconds) {
        return ResponseCookie.from(name, value).path("/ops").httpOnly(true).secure(true).sameSite("Strict")
                .maxAge(maxAgeSeconds).build();
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && !a.isEmpty()
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
