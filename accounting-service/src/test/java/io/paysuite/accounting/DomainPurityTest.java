package io.paysuite.accounting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The ledger domain ({@code io.paysuite.accounting.ledger}: rules, fee rule, trade entries, ports,
 * the Dubbo boundary) knows no Spring, MyBatis or JDBC: the journal on MariaDB lives in
 * {@code infra}, behind the {@code Journal}, {@code Balances} and {@code FeeRates} ports.
 */
@AnalyzeClasses(packages = "io.paysuite.accounting", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainPurityTest {

    @ArchTest
    static final ArchRule ledgerDomainUsesNoSpringOrPersistence = noClasses()
            .that().resideInAPackage("io.paysuite.accounting.ledger..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.ibatis..", "org.mybatis..", "java.sql..", "javax.sql..",
                    "io.paysuite.accounting.infra..", "io.paysuite.accounting.config..");
}
