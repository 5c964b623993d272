package io.paysuite.kit.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import io.paysuite.kit.config.RuleSource;
import io.paysuite.kit.config.ZookeeperConfigCenter;
import org.junit.jupiter.api.Test;

class ConfigCenterRuleTest {

    @Test
    void aClassThatNamesCuratorBreaksTheRule() {
        EvaluationResult result = Layering.configCenterOnlyThroughTheKit("io.paysuite.kit.config")
                .evaluate(new ClassFileImporter().importClasses(ZookeeperConfigCenter.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(line -> assertThat(line).contains("org.apache.curator"));
    }

    @Test
    void aClassThatReadsRulesThroughTheInterfacePasses() {
        EvaluationResult result = Layering.configCenterOnlyThroughTheKit("io.paysuite.kit.config")
                .evaluate(new ClassFileImporter().importClasses(RuleSource.class));

        assertThat(result.hasViolation()).isFalse();
    }
}
