package io.paysuite.member;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The member domain ({@code buyer}, {@code card}, {@code merchant}) knows no framework: Spring, MyBatis, Dubbo,
 * JDBC and the infra package stay outside, behind the ports the domain owns; config wires it.
 */
@AnalyzeClasses(packages = "io.paysuite.member", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainPurityTest {

    @ArchTest
    static final ArchRule domainUsesNoFrameworkOrPersistence = noClasses()
            .that().resideInAnyPackage("io.paysuite.member.buyer..", "io.paysuite.member.card..", "io.paysuite.member.merchant..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.ibatis..", "org.mybatis..", "org.apache.dubbo..",
                    "java.sql..", "javax.sql..", "io.paysuite.member.infra..", "io.paysuite.member.config..",
                    "io.paysuite.member.provider..");
}
