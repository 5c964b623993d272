package io.paysuite.trade;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The trade domain ({@code io.paysuite.trade.order}) knows no persistence or messaging technology:
 * mappers, DOs, ShardingSphere and RocketMQ live in {@code infra}, behind ports the domain owns.
 */
@AnalyzeClasses(packages = "io.paysuite.trade", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainPurityTest {

    @ArchTest
    static final ArchRule domainUsesNoPersistenceOrMessagingTechnology = noClasses()
            .that().resideInAnyPackage("io.paysuite.trade.order..", "io.paysuite.trade.refund..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.apache.ibatis..", "org.mybatis..", "org.apache.rocketmq..", "org.apache.shardingsphere..",
                    "io.paysuite.trade.infra.order..", "io.paysuite.trade.infra.sharding..", "java.sql..", "javax.sql..");
}
