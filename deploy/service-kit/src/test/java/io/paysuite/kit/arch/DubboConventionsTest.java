package io.paysuite.kit.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import io.paysuite.kit.arch.sample.Providers;
import io.paysuite.kit.arch.sample.References;
import org.junit.jupiter.api.Test;

class DubboConventionsTest {

    private static final String SAMPLE = "io.paysuite.kit.arch.sample";

    @Test
    void aProviderWithTheApiVersionAndNoGroupPasses() {
        assertThat(providers(Providers.Versioned.class).hasViolation()).isFalse();
    }

    @Test
    void aProviderWithoutAVersionFails() {
        EvaluationResult result = providers(Providers.Unversioned.class);

        assertThat(result.getFailureReport().getDetails()).singleElement().asString()
                .contains("Unversioned").contains("not ApiVersion.DUBBO");
    }

    @Test
    void aProviderInAGroupFails() {
        assertThat(providers(Providers.Grouped.class).getFailureReport().getDetails()).singleElement().asString()
                .contains("group is 'blue'");
    }

    @Test
    void aReferenceWithVersionTimeoutNoRetriesAndARetriedReadPasses() {
        assertThat(references(References.Conventional.class).hasViolation()).isFalse();
    }

    @Test
    void aReferenceWithoutAVersionFails() {
        assertThat(references(References.Unversioned.class).getFailureReport().getDetails()).singleElement().asString()
                .contains("not ApiVersion.DUBBO");
    }

    @Test
    void aReferenceWithoutATimeoutFails() {
        assertThat(references(References.WithoutTimeout.class).getFailureReport().getDetails()).singleElement().asString()
                .contains("no timeout");
    }

    @Test
    void aReferenceLeftToDubbosDefaultRetriesFails() {
        assertThat(references(References.Retrying.class).getFailureReport().getDetails()).singleElement().asString()
                .contains("retries is -1, not 0");
    }

    @Test
    void retryingAWriteMethodFailsEvenWhenTheReferenceHasNoRetries() {
        assertThat(references(References.RetryingAWrite.class).getFailureReport().getDetails()).singleElement().asString()
                .contains("method 'place' retries 2 but is not @ReadOnly on Orders");
    }

    private static EvaluationResult providers(Class<?> provider) {
        return DubboConventions.providersDeclareTheApiVersion(SAMPLE).evaluate(only(provider));
    }

    private static EvaluationResult references(Class<?> config) {
        return DubboConventions.referencesDeclareVersionTimeoutAndNoRetries(SAMPLE).evaluate(only(config));
    }

    private static JavaClasses only(Class<?> type) {
        return new ClassFileImporter().importClasses(type, Providers.Orders.class);
    }
}
