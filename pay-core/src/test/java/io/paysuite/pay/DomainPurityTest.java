package io.paysuite.pay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The pay domain ({@code io.paysuite.pay.order}) knows no persistence or messaging technology:
 * mappers, DOs, ShardingSphere and RocketMQ live in {@code infra}, behind ports the domain owns.
 */
@AnalyzeClasses(packages = "io.paysuite.pay", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainPurityTest {

    @ArchTest
    static final ArchRule domainUsesNoPersistenceOrMessagingTechnology = noClasses()
            .that().resideInAPackage("io.paysuite.pay.order..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.apache.ibatis..", "org.mybatis..", "org.apache.rocketmq..", "org.apache.shardingsphere..",
                    "io.paysuite.pay.infra..", "java.sql..", "javax.sql..");
}
