package io.paysuite.cashier.ops.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.cashier.ops.audit.AuditLog;
import io.paysuite.cashier.ops.audit.OpsAudit;
import io.paysuite.cashier.ops.operator.BootstrapAdmin;
import io.paysuite.cashier.ops.operator.ConsoleProperties;
import io.paysuite.cashier.ops.operator.OperatorLogins;
import io.paysuite.cashier.ops.operator.OperatorStore;
import io.paysuite.cashier.ops.operator.Operators;
import io.paysuite.cashier.ops.operator.OpsSessionStore;
import io.paysuite.cashier.ops.operator.PasswordHashes;
import io.paysuite.cashier.ops.OpsController;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Wiring of the ops console: operators, their logins and sessions, the audit log writer, and the console's language
 * switch ({@code ?lang=zh-CN} or {@code ?lang=en} on any console page, remembered by the same cookie resolver the
 * cashier pages use).
 */
@Configuration(proxyBeanMethods = false)
public class OpsConsoleConfig implements WebMvcConfigurer {

    @Bean
    PasswordHashes opsPasswordHashes() {
        return new PasswordHashes();
    }

    @Bean
    OperatorLogins operatorLogins(OperatorStore operators, OpsSessionStore sessions, PasswordHashes hashes, ConsoleProperties properties,
                                  Clock clock) {
        return new OperatorLogins(operators, sessions, hashes, properties, clock);
    }

    @Bean
    Operators operators(OperatorStore store, OpsSessionStore sessions, PasswordHashes hashes, Clock clock) {
        return new Operators(store, sessions, hashes, clock);
    }

    @Bean
    BootstrapAdmin opsBootstrapAdmin(ConsoleProperties properties, OperatorStore store, Operators operators) {
        return new BootstrapAdmin(properties, store, operators);
    }

    @Bean
    OpsAudit opsAudit(AuditLog auditLog, ObjectMapper json, Clock clock) {
        return new OpsAudit(auditLog, json, clock);
    }

    @Bean
    ChannelAlarms channelAlarms(ConsoleAlarmProperties properties) {
        return new ChannelAlarms(properties);
    }

    /** A day of one-minute samples: the dashboard's longest window. */
    @Bean
    ChannelHealthHistory channelHealthHistory() {
        return new ChannelHealthHistory(Duration.ofDays(1));
    }

    @Bean
    ChannelHealthSampler channelHealthSampler(OpsController ops, ChannelHealthHistory history, Clock clock) {
        return new ChannelHealthSampler(ops, history, clock);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor language = new LocaleChangeInterceptor();
        language.setParamName("lang");
        language.setIgnoreInvalidLocale(true);
        registry.addInterceptor(language).addPathPatterns("/ops/**").excludePathPatterns("/ops/api/**");
    }
}
