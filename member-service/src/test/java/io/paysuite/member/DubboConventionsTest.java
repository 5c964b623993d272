package io.paysuite.member;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.paysuite.kit.arch.DubboConventions;

/** The suite's Dubbo conventions over member-service (docs/consumers.md): versioned providers and references, named timeouts, no retried writes. */
@AnalyzeClasses(packages = "io.paysuite.member", importOptions = ImportOption.DoNotIncludeTests.class)
class DubboConventionsTest {

    @ArchTest
    static final ArchRule providers = DubboConventions.providersDeclareTheApiVersion("io.paysuite.member");

    @ArchTest
    static final ArchRule references = DubboConventions.referencesDeclareVersionTimeoutAndNoRetries("io.paysuite.member");
}
