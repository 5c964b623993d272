package io.paysuite.cashier.ops.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.cashier.ops.OpsGate;
import io.paysuite.cashier.ops.audit.InMemoryAuditLog;
import io.paysuite.cashier.ops.audit.OpsAudit;
import io.paysuite.cashier.ops.operator.InMemoryOperators;
import io.paysuite.cashier.ops.operator.OperatorRole;
import jakarta.servlet.http.Cookie;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The console's templates rendered as the application renders them: every page, both languages, per role. */
class ConsoleRenderingTest {

    final InMemoryOperators people = new InMemoryOperators();
    MockMvc mvc;

    @BeforeEach
    void console() {
        people.create("vera", OperatorRole.VIEWER);
        people.create("ada", OperatorRole.ADMIN);
        ConsolePages pages = new ConsolePages(people.logins, new OpsAudit(new InMemoryAuditLog(), new ObjectMapper(), people.clock),
                people.properties);
        LocaleChangeInterceptor language = new LocaleChangeInterceptor();
        language.setParamName("lang");
        mvc = MockMvcBuilders.standaloneSetup(pages).setViewResolvers(thymeleaf()).setLocaleResolver(new CookieLocaleResolver("lang"))
                .addInterceptors(language).build();
    }

    @Test
    void everyPageRendersForAnAdminWithItsControls() throws Exception {
        Cookie admin = new Cookie(OpsGate.SESSION_COOKIE, people.loginOf("ada"));
        for (String page : List.of("dashboard", "trades", "notifications", "reconciliations", "settlements", "channels", "merchants",
                "operators", "audit", "risk")) {
            MockHttpServletResponse response = mvc.perform(get("/ops/" + page).cookie(admin)).andReturn().getResponse();
            assertThat(response.getStatus()).as(page).isEqualTo(200);
            assertThat(response.getContentAsString()).as(page).contains("data-testid=\"page-title\"").contains("data-page=\"" + page + "\"")
                    .contains("name=\"csrf-token\"").contains("/webjars/chart.js/4.4.9/dist/chart.umd.js").doesNotContain("read-only");
        }
        assertThat(mvc.perform(get("/ops/channels").cookie(admin)).andReturn().getResponse().getContentAsString())
                .contains("data-testid=\"rules-save\"").contains("data-testid=\"rules-preview\"");
        assertThat(mvc.perform(get("/ops/merchants").cookie(admin)).andReturn().getResponse().getContentAsString())
                .contains("data-testid=\"rotate-go\"").contains("data-testid=\"limit-save\"").contains("data-testid=\"fee-go\"");
        assertThat(mvc.perform(get("/ops/dashboard").cookie(admin)).andReturn().getResponse().getContentAsString())
                .contains("data-testid=\"chart-refunds\"");
        assertThat(mvc.perform(get("/ops/trades").cookie(admin)).andReturn().getResponse().getContentAsString())
                .contains("data-testid=\"payout-go\"");
        assertThat(mvc.perform(get("/ops/risk").cookie(admin)).andReturn().getResponse().getContentAsString())
                .contains("data-testid=\"risk-save\"").contains("data-testid=\"risk-version\"").contains("data-testid=\"nav-risk\"")
                .contains("data-testid=\"risk-lists\"").contains("data-testid=\"risk-decisions\"").contains("data-testid=\"decisions-go\"");
    }

    @Test
    void aViewerSeesThePagesWithoutTheirControlsAndNotTheOperatorsPage() throws Exception {
        Cookie viewer = new Cookie(OpsGate.SESSION_COOKIE, people.loginOf("vera"));

        String channels = mvc.perform(get("/ops/channels").cookie(viewer)).andReturn().getResponse().getContentAsString();
        String recon = mvc.perform(get("/ops/reconciliations").cookie(viewer)).andReturn().getResponse().getContentAsString();

        assertThat(channels).contains("data-testid=\"read-only\"").doesNotContain("rules-save").doesNotContain("nav-operators");
        assertThat(recon).doesNotContain("recon-go").contains("data-can-operate=\"false\"");
        assertThat(mvc.perform(get("/ops/merchants").cookie(viewer)).andReturn().getResponse().getContentAsString())
                .contains("data-testid=\"limit-load\"").doesNotContain("rotate-go").doesNotContain("limit-save").doesNotContain("fee-go");
        assertThat(mvc.perform(get("/ops/risk").cookie(viewer)).andReturn().getResponse().getContentAsString())
                .contains("data-testid=\"risk-json\"").contains("data-testid=\"risk-decisions\"").doesNotContain("risk-save");
        assertThat(mvc.perform(get("/ops/operators").cookie(viewer)).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void thePagesAndTheLoginSpeakChineseOnRequest() throws Exception {
        Cookie admin = new Cookie(OpsGate.SESSION_COOKIE, people.loginOf("ada"));

        String dashboard = mvc.perform(get("/ops/dashboard").param("lang", "zh-CN").cookie(admin)).andReturn().getResponse()
                .getContentAsString();
        String login = mvc.perform(get("/ops/login").param("lang", "zh-CN")).andReturn().getResponse().getContentAsString();
        String english = mvc.perform(get("/ops/login").param("lang", "en")).andReturn().getResponse().getContentAsString();

        assertThat(dashboard).contains("运营后台").contains("告警").contains("退出登录");
        assertThat(mvc.perform(get("/ops/risk").param("lang", "zh-CN").cookie(admin)).andReturn().getResponse().getContentAsString())
                .contains("最近的决策").contains("名单（黑名单规则）").contains("保存名单");
        assertThat(login).contains("操作员登录").contains("name=\"_csrf\"");
        assertThat(english).contains("Operator login");
    }

    @Test
    void withoutALoginEveryPageSendsToTheLoginPage() throws Exception {
        assertThat(mvc.perform(get("/ops/audit")).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/ops/login");
        assertThat(mvc.perform(get("/ops/")).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/ops/login");
        assertThat(mvc.perform(get("/ops/nosuchpage")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    private static ThymeleafViewResolver thymeleaf() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "ops_messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        var templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCharacterEncoding("UTF-8");
        var engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        engine.setTemplateEngineMessageSource(messages);
        var resolver = new ThymeleafViewResolver();
        resolver.setTemplateEngine(engine);
        resolver.setCharacterEncoding("UTF-8");
        return resolver;
    }
}
