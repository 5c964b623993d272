package io.paysuite.channel.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/** The gateway's own log levels (application.yml), as Spring Boot applies them at start. */
class LogLevelsTest {

    @Test
    void theAlipaySdksPerCallSummaryWithTheSignedRequestIsNotLoggedAtInfoInAnyProfile() {
        assertThat(levels("application.yml").getProperty("logging.level.sdk.biz.info")).isEqualTo("WARN");
        assertThat(levels("application-prod.yml").getProperty("logging.level.sdk.biz.info")).as("not lowered again in prod").isNull();
        assertThat(levels("application-prod.yml").getProperty("logging.level.sdk")).isNull();
    }

    static Properties levels(String file) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource(file));
        return yaml.getObject();
    }
}
