package io.paysuite.accounting;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.paysuite.kit.arch.Layering;

/** The suite's layering rules over accounting-service: a pure domain, and no cycles between its top-level packages. */
@AnalyzeClasses(packages = "io.paysuite.accounting", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule domainIsPure = Layering.domainIsPure("io.paysuite.accounting");

    @ArchTest
    static final ArchRule noCycles = Layering.noCycles("io.paysuite.accounting");

    @ArchTest
    static final ArchRule configCenterOnlyThroughTheKit = Layering.configCenterOnlyThroughTheKit("io.paysuite.accounting");
}
