package io.paysuite.channel;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.paysuite.kit.arch.DubboConventions;

/** The suite's Dubbo conventions over channel-gateway (docs/consumers.md): versioned providers and references, named timeouts, no retried writes. */
@AnalyzeClasses(packages = "io.paysuite.channel", importOptions = ImportOption.DoNotIncludeTests.class)
class DubboConventionsTest {

    @ArchTest
    static final ArchRule providers = DubboConventions.providersDeclareTheApiVersion("io.paysuite.channel");

    @ArchTest
    static final ArchRule references = DubboConventions.referencesDeclareVersionTimeoutAndNoRetries("io.paysuite.channel");
}
