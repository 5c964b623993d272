package io.paysuite.pay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.shardingsphere.sql.parser.api.CacheOption;
import org.apache.shardingsphere.sql.parser.api.SQLParserEngine;
import org.apache.shardingsphere.sql.parser.api.SQLStatementVisitorEngine;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The migrations Flyway runs in every pay shard database and its shadow, checked without a server: every statement
 * parses as MySQL/MariaDB (ShardingSphere's own MySQL grammar, the one that routes pay-core's statements), and a
 * migration that changes {@code pay_order} changes every physical table V1 created.
 */
class PayShardMigrationsTest {

    static final String LOCATION = "classpath:db/migration/shard/V*.sql";

    final SQLParserEngine parser = new SQLParserEngine("MySQL", new CacheOption(16, 64));
    final SQLStatementVisitorEngine visitor = new SQLStatementVisitorEngine("MySQL");

    @Test
    void everyStatementOfEveryShardMigrationParsesAsMySql() {
        List<Resource> migrations = migrations();
        assertThat(migrations).hasSizeGreaterThanOrEqualTo(9);

        for (Resource migration : migrations) {
            for (String statement : statements(text(migration))) {
                assertThatCode(() -> visitor.visit(parser.parse(statement, false)))
                        .as("%s: %s", migration.getFilename(), statement).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void theCheckRefusesAStatementMariaDbWouldRefuse() {
        assertThatThrownBy(() -> visitor.visit(parser.parse(
                "ALTER TABLE pay_order_0 ADD COLUMN announced_at DATETIME(3) NULL,", false)))
                .as("a dangling comma").isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> visitor.visit(parser.parse(
                "UPDATE pay_order_0 SET announced_at = finished_at WHERE status = 'SUCCESS' AND", false)))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void versionsAreUniqueAndTheAnnouncedMarkIsTheLatest() {
        List<Integer> versions = migrations().stream().map(PayShardMigrationsTest::version).sorted().toList();

        assertThat(versions).doesNotHaveDuplicates();
        assertThat(versions.get(versions.size() - 1)).as("a new migration must come after every applied one").isEqualTo(11);
    }

    @Test
    void theAnnouncedMarkReachesEveryPayOrderTableAndBackfillsItsSuccesses() {
        List<String> tables = payOrderTables();
        List<String> announced = statements(text(migration(11)));

        assertThat(tables).hasSize(4);
        for (String table : tables) {
            assertThat(announced).as(table).contains("ALTER TABLE " + table + " ADD COLUMN announced_at DATETIME(3) NULL");
            assertThat(announced).as(table + ": its successes were announced by the transactional message")
                    .contains("UPDATE " + table + " SET announced_at = COALESCE(finished_at, updated_at)"
                            + " WHERE status = 'SUCCESS' AND announced_at IS NULL");
        }
        assertThat(announced).hasSize(2 * tables.size());
    }

    /** The physical pay order tables V1 creates: pay_order_0 and those made LIKE it. */
    private List<String> payOrderTables() {
        Matcher created = Pattern.compile("CREATE TABLE (pay_order_\\d+)\\b").matcher(text(migration(1)));
        Stream.Builder<String> tables = Stream.builder();
        while (created.find()) {
            tables.add(created.group(1));
        }
        return tables.build().toList();
    }

    /** Flyway's reading of a plain script: comments dropped, statements ended by a semicolon, whitespace folded. */
    static List<String> statements(String script) {
        String code = Arrays.stream(script.split("\n")).map(line -> line.replaceFirst("--.*$", ""))
                .reduce("", (all, line) -> all + line + "\n");
        return Arrays.stream(code.split(";")).map(s -> s.trim().replaceAll("\\s+", " ")).filter(s -> !s.isEmpty()).toList();
    }

    private static List<Resource> migrations() {
        try {
            return List.of(new PathMatchingResourcePatternResolver().getResources(LOCATION));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Resource migration(int version) {
        return migrations().stream().filter(m -> version(m) == version).findFirst().orElseThrow();
    }

    private static int version(Resource migration) {
        return Integer.parseInt(migration.getFilename().replaceFirst("^V(\\d+)__.*$", "$1"));
    }

    private static String text(Resource migration) {
        try (InputStream in = migration.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
