package io.paysuite.trade.config;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.paysuite.kit.sharding.DirectReads;
import io.paysuite.kit.sharding.ShardingRules;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.mybatis.spring.SqlSessionTemplate;
import org.mybatis.spring.transaction.SpringManagedTransactionFactory;

/**
 * trade-core's data source as it runs, without a database: {@link DirectReads} over trade-core's own rules
 * ({@link ShardingConfig}, 2 databases of 4 tables), ShardingSphere's side and each physical pool (and its shadow) a
 * fake that records, as "pool: what", the SQL it is sent and how its connections end, and MyBatis over it as the
 * service configures it (Spring-managed transactions, Spring's exception translation, underscores to camel case).
 * A statement may be told to fail, or to answer rows; otherwise an insert writes one row and a read finds none.
 */
public final class RecordedShards {

    public final ShardingRules rules = tradeRules();
    /** Every statement prepared, as "pool: SQL". */
    public final List<String> statements = new ArrayList<>();
    /** Commits, rollbacks and closes, as "pool: what". */
    public final List<String> ends = new ArrayList<>();
    private final Map<Predicate<String>, SQLException> failures = new LinkedHashMap<>();
    private final Map<Predicate<String>, List<Map<String, Object>>> answers = new LinkedHashMap<>();
    public final DataSource sharded = pool("sharded");
    public final List<DataSource> production = List.of(pool("ds_0"), pool("ds_1"));
    public final List<DataSource> shadows = List.of(pool("ds_0_shadow"), pool("ds_1_shadow"));

    /** trade-core's own rules ({@link ShardingConfig}) for 2 databases of 4 tables. */
    public static ShardingRules tradeRules() {
        return new ShardingConfig().tradeTables().tables().apply(new ShardingRules(2, 4));
    }

    /** The service's data source, direct routes on or off ({@code paysuite.sharding.direct-reads}). */
    public DirectReads reads(boolean direct) {
        return new DirectReads(sharded, rules, production, shadows, direct);
    }

    /** MyBatis over {@code dataSource}, as trade-core's configuration sets it up. */
    public static SqlSessionTemplate mybatis(DataSource dataSource, Class<?>... mappers) {
        Configuration configuration = new Configuration(new Environment("test", new SpringManagedTransactionFactory(), dataSource));
        configuration.setMapUnderscoreToCamelCase(true); // application.yml: mybatis.configuration
        for (Class<?> mapper : mappers) {
            configuration.addMapper(mapper);
        }
        return new SqlSessionTemplate(new SqlSessionFactoryBuilder().build(configuration));
    }

    /** The next execution of a statement whose SQL (as sent to its pool) matches fails with {@code failure}. */
    public void failNext(Predicate<String> sql, SQLException failure) {
        failures.put(sql, failure);
    }

    /** Each execution of a read whose SQL matches answers {@code rows} (column → value). */
    public void answer(Predicate<String> sql, List<Map<String, Object>> rows) {
        answers.put(sql, rows);
    }

    private DataSource pool(String name) {
        DataSource pool = mock(DataSource.class);
        try {
            when(pool.getConnection()).thenAnswer(call -> connection(name));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return pool;
    }

    private Connection connection(String name) throws SQLException {
        Connection connection = mock(Connection.class);
        org.mockito.stubbing.Answer<PreparedStatement> prepare = call -> {
            String sql = call.getArgument(0);
            statements.add(name + ": " + sql);
            return statement(sql);
        };
        when(connection.prepareStatement(anyString())).thenAnswer(prepare);
        when(connection.prepareStatement(anyString(), anyInt())).thenAnswer(prepare);
        when(connection.getAutoCommit()).thenReturn(true);
        DatabaseMetaData metaData = mock(DatabaseMetaData.class);
        when(metaData.getDatabaseProductName()).thenReturn("MySQL"); // what Connector/J reports, and ShardingSphere over it
        when(connection.getMetaData()).thenReturn(metaData);
        doAnswer(call -> ends.add(name + ": commit")).when(connection).commit();
        doAnswer(call -> ends.add(name + ": rollback")).when(connection).rollback();
        doAnswer(call -> ends.add(name + ": close")).when(connection).close();
        return connection;
    }

    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement statement = mock(PreparedStatement.class);
        boolean read = sql.stripLeading().regionMatches(true, 0, "SELECT", 0, 6);
        when(statement.execute()).thenAnswer(call -> {
            for (Iterator<Map.Entry<Predicate<String>, SQLException>> it = failures.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Predicate<String>, SQLException> failure = it.next();
                if (failure.getKey().test(sql)) {
                    it.remove();
                    throw failure.getValue();
                }
            }
            return read;
        });
        when(statement.getUpdateCount()).thenReturn(read ? -1 : 1);
        when(statement.getResultSet()).thenAnswer(call -> read ? rows(answers.entrySet().stream()
                .filter(answer -> answer.getKey().test(sql)).map(Map.Entry::getValue).findFirst().orElse(List.of())) : null);
        return statement;
    }

    /** A forward-only result set over {@code rows}: what MyBatis asks of one (labels, types, values by label). */
    private static ResultSet rows(List<Map<String, Object>> rows) {
        List<String> columns = rows.isEmpty() ? List.of() : List.copyOf(rows.get(0).keySet());
        ResultSetMetaData metaData = (ResultSetMetaData) Proxy.newProxyInstance(RecordedShards.class.getClassLoader(),
                new Class<?>[] {ResultSetMetaData.class}, (self, method, args) -> switch (method.getName()) {
                    case "getColumnCount" -> columns.size();
                    case "getColumnLabel", "getColumnName" -> columns.get((Integer) args[0] - 1);
                    case "getColumnType" -> rows.get(0).get(columns.get((Integer) args[0] - 1)) instanceof LocalDateTime
                            ? Types.TIMESTAMP : Types.VARCHAR;
                    case "getColumnClassName" -> rows.get(0).get(columns.get((Integer) args[0] - 1)) instanceof LocalDateTime
                            ? LocalDateTime.class.getName() : String.class.getName();
                    default -> defaultValue(method.getReturnType());
                });
        int[] at = {-1};
        Object[] last = {null};
        return (ResultSet) Proxy.newProxyInstance(RecordedShards.class.getClassLoader(), new Class<?>[] {ResultSet.class},
                (self, method, args) -> {
                    String name = method.getName();
                    if (name.equals("next")) {
                        return ++at[0] < rows.size();
                    }
                    if (name.equals("getMetaData")) {
                        return metaData;
                    }
                    if (name.equals("getType")) {
                        return ResultSet.TYPE_FORWARD_ONLY;
                    }
                    if (name.equals("wasNull")) {
                        return last[0] == null;
                    }
                    if (name.startsWith("get") && args != null && args[0] instanceof String label) {
                        Object value = rows.get(at[0]).get(label);
                        last[0] = value;
                        Class<?> type = method.getReturnType();
                        if (type.isPrimitive()) {
                            return value == null ? defaultValue(type) : type == long.class ? ((Number) value).longValue()
                                    : type == int.class ? ((Number) value).intValue() : value;
                        }
                        return value;
                    }
                    return defaultValue(method.getReturnType());
                });
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
