package io.paysuite.trade;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.paysuite.kit.arch.DubboConventions;

/** The suite's Dubbo conventions over trade-core (docs/consumers.md): versioned providers and references, named timeouts, no retried writes. */
@AnalyzeClasses(packages = "io.paysuite.trade", importOptions = ImportOption.DoNotIncludeTests.class)
class DubboConventionsTest {

    @ArchTest
    static final ArchRule providers = DubboConventions.providersDeclareTheApiVersion("io.paysuite.trade");

    @ArchTest
    static final ArchRule references = DubboConventions.referencesDeclareVersionTimeoutAndNoRetries("io.paysuite.trade");
}
