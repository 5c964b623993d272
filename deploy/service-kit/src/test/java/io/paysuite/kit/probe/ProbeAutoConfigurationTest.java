package io.paysuite.kit.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.paysuite.api.ApiVersion;
import io.paysuite.api.system.ProbeReply;
import io.paysuite.api.system.ServiceProbe;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.apache.dubbo.config.ReferenceConfigBase;
import org.apache.dubbo.config.spring.ServiceBean;
import org.apache.dubbo.rpc.model.FrameworkModel;
import org.apache.dubbo.rpc.model.ModuleModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ProbeAutoConfigurationTest {

    final FrameworkModel dubbo = new FrameworkModel();
    final ModuleModel module = dubbo.newApplication().newModule();

    @AfterEach
    void destroyDubbo() {
        dubbo.destroy();
    }

    @Test
    void aServiceExportsItsProbeUnderItsOwnNameAndTheApiVersionAndRefersToTheNextInTheRing() {
        runner("spring.application.name=trade-core", database("paysuite_trade_0")).run(context -> {
            ServiceBean<?> export = context.getBean(ServiceBean.class);

            assertThat(export.getInterface()).isEqualTo(ServiceProbe.class.getName());
            assertThat(export.getGroup()).isEqualTo("trade-core");
            assertThat(export.getVersion()).isEqualTo(ApiVersion.DUBBO);
            assertThat(module.getConfigManager().getReferences()).singleElement().satisfies(next -> {
                assertThat(next.getInterface()).isEqualTo(ServiceProbe.class.getName());
                assertThat(next.getGroup()).isEqualTo("pay-core");
                assertThat(next.getVersion()).isEqualTo(ApiVersion.DUBBO);
                assertThat(next.isCheck()).isFalse();
                assertThat(next.getTimeout()).isEqualTo(3000);
                assertThat(next.getRetries()).isZero();
            });
        });
    }

    @Test
    void thePingAnswersWithTheServiceAndItsOwnDatabase() {
        runner("spring.application.name=member-service", database("paysuite_member")).run(context -> {
            ProbeReply reply = probe(context.getBean(ServiceBean.class)).ping("it");

            assertThat(reply.service()).isEqualTo("member-service");
            assertThat(reply.databaseUp()).isTrue();
            assertThat(reply.database()).isEqualTo("paysuite_member");
            assertThat(reply.instance()).isNotBlank();
        });
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsReportedDown() throws SQLException {
        DataSource down = mock(DataSource.class);
        when(down.getConnection()).thenThrow(new SQLTransientConnectionException("pool exhausted"));

        runner("spring.application.name=pay-core", down).run(context -> {
            ProbeReply reply = probe(context.getBean(ServiceBean.class)).ping("it");

            assertThat(reply.service()).isEqualTo("pay-core");
            assertThat(reply.databaseUp()).isFalse();
            assertThat(reply.database()).contains("JDBC Connection"); // why it is down, in place of a name
        });
    }

    @Test
    void theDubboApplicationNameWinsOverSpringsOwn() {
        runner("dubbo.application.name=cashier-service", database("paysuite_cashier"))
                .withPropertyValues("spring.application.name=cashier")
                .run(context -> {
                    assertThat(context.getBean(ServiceBean.class).getGroup()).isEqualTo("cashier-service");
                    assertThat(module.getConfigManager().getReferences()).extracting(ReferenceConfigBase::getGroup)
                            .containsExactly("trade-core");
                });
    }

    @Test
    void aServiceOutsideTheRingDoesNotStart() {
        runner("spring.application.name=billing", database("paysuite_billing"))
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void withoutADataSourceThereIsNoProbe() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ProbeAutoConfiguration.class))
                .withBean(ModuleModel.class.getName(), ModuleModel.class, () -> module)
                .withPropertyValues("spring.application.name=trade-core")
                .run(context -> assertThat(context).doesNotHaveBean(ServiceBean.class));
    }

    private ApplicationContextRunner runner(String nameProperty, DataSource dataSource) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ProbeAutoConfiguration.class))
                .withBean(ModuleModel.class.getName(), ModuleModel.class, () -> module)
                .withBean(DataSource.class, () -> dataSource)
                .withPropertyValues(nameProperty);
    }

    private static ServiceProbe probe(ServiceBean<?> export) {
        return (ServiceProbe) export.getRef();
    }

    /** A data source whose every prepared statement answers one row with {@code name}. */
    private static DataSource database(String name) {
        try {
            DataSource dataSource = mock(DataSource.class);
            Connection connection = mock(Connection.class);
            PreparedStatement statement = mock(PreparedStatement.class);
            ResultSet row = mock(ResultSet.class);
            ResultSetMetaData columns = mock(ResultSetMetaData.class);
            when(dataSource.getConnection()).thenReturn(connection);
            when(connection.prepareStatement(anyString())).thenReturn(statement);
            when(statement.executeQuery()).thenReturn(row);
            when(row.next()).thenReturn(true, false);
            when(row.getMetaData()).thenReturn(columns);
            when(columns.getColumnCount()).thenReturn(1);
            when(row.getString(1)).thenReturn(name);
            when(row.getObject(1)).thenReturn(name);
            when(row.getObject(1, String.class)).thenReturn(name);
            return dataSource;
        } catch (SQLException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
