package io.paysuite.cashier;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.paysuite.kit.arch.DubboConventions;

/** The suite's Dubbo conventions over cashier-service (docs/consumers.md): versioned providers and references, named timeouts, no retried writes. */
@AnalyzeClasses(packages = "io.paysuite.cashier", importOptions = ImportOption.DoNotIncludeTests.class)
class DubboConventionsTest {

    @ArchTest
    static final ArchRule providers = DubboConventions.providersDeclareTheApiVersion("io.paysuite.cashier");

    @ArchTest
    static final ArchRule references = DubboConventions.referencesDeclareVersionTimeoutAndNoRetries("io.paysuite.cashier");
}
