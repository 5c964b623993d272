package io.paysuite.kit.sharding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A statement on a {@link Pin pinned} connection with its logic tables named as the pin's database holds them, or
 * refused: what ShardingSphere's rewrite does for a statement routed to one table, for the statements
 * {@link DirectReads} sends past it.
 *
 * <h2>What a statement may name</h2>
 * <ul>
 *   <li>On one order's shard ({@link Pin.Shard}): only logic tables that an order number's gene places
 *       ({@link ShardingRules#placedByOrderNo()}), at least one. {@code trade_order} becomes {@code trade_order_3} (the
 *       pin's table index; every such table of one gene has the same index), {@code trade_event} (one per database)
 *       keeps its name. A sharded table placed by another key ({@code trade_merchant_index} by {@code merchant_id})
 *       or a single table ({@code ds_0} only) is refused: on this database it would be the wrong copy, or none.</li>
 *   <li>On one row of a table another key places ({@link Pin.Keyed}): that table only, named by its physical table
 *       ({@code trade_merchant_index} becomes {@code trade_merchant_index_2}, the index its key's gene names). Any other
 *       table is refused: even one the same key places lives where its own rule says, which this check does not
 *       follow.</li>
 *   <li>On the single tables ({@link Pin.Single}): only single tables, names unchanged.</li>
 *   <li>A statement that names no table this refusal could judge ({@code SELECT 1}) is refused too: on a pinned
 *       connection it would run on whichever database the pin chose, unrouted.</li>
 * </ul>
 * A refusal is an {@link IllegalStateException} before anything is sent: a programming error, loud in the first
 * test that runs the statement, never a statement run where ShardingSphere would not have sent it.
 *
 * <h2>Whole identifiers only</h2>
 * A table's name matches only as a whole word ({@code trade_order} never inside {@code trade_order_no} or
 * {@code trade_order_index}: {@code _} is a word character), in any case, and never inside a quoted literal or a
 * block comment (ShardingSphere's shadow hint is one), so neither is changed nor judged.
 *
 * <h2>Cost</h2>
 * Each statement text is scanned once; where its tables stand is remembered (a service prepares a few hundred texts,
 * as many as ShardingSphere's parse cache holds, and at most {@value #REMEMBERED} are kept: a flood of distinct texts
 * costs scans, not heap), and so is its text for each table index. A pinned statement then costs a map lookup.
 */
final class PhysicalNames {

    /** Statement texts whose table positions are kept, like ShardingSphere's statement cache (ShardingRules). */
    static final int REMEMBERED = 4096;

    /** Every sharded logic table, lower case, with whether it is split into tables inside each database. */
    private final Map<String, Boolean> splitIntoTables;
    private final Set<String> placedByOtherKeys;
    private final Set<String> singleTables;
    private final int tablesPerDatabase;
    private final Pattern tablesOrSkipped;
    private final ConcurrentMap<String, Named> remembered = new ConcurrentHashMap<>();

    PhysicalNames(ShardingRules rules) {
        this.placedByOtherKeys = lower(rules.placedByOtherKeys());
        this.splitIntoTables = rules.splitIntoTables().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(e -> lower(e.getKey()), Map.Entry::getValue));
        this.singleTables = lower(rules.singleTables());
        this.tablesPerDatabase = rules.tablesPerDatabase();
        String names = Stream.of(splitIntoTables.keySet(), singleTables)
                .flatMap(Set::stream)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        // group 1: a table; otherwise a quoted literal or a block comment, skipped whole (possessive runs: no
        // backtracking, and one loop iteration per escape rather than per character)
        this.tablesOrSkipped = Pattern.compile("'(?:[^'\\\\]++|\\\\.)*+'|\"(?:[^\"\\\\]++|\\\\.)*+\"|/\\*.*?\\*/|\\b("
                + (names.isEmpty() ? "(?!)" : names) + ")\\b", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    /** {@code sql} as it runs on the pin's connection; throws {@link IllegalStateException} where it must not run. */
    String of(String sql, Pin pin) {
        Named named = named(sql);
        if (pin instanceof Pin.Shard shard) {
            return onShard(named, shard);
        }
        if (pin instanceof Pin.Keyed keyed) {
            return onKeyedRow(named, keyed);
        }
        return onSingleTables(named, (Pin.Single) pin);
    }

    private String onShard(Named named, Pin.Shard shard) {
        for (String table : named.tables()) {
            if (placedByOtherKeys.contains(table)) {
                throw refused(named, "names " + table + ", which another key places: on one order's shard it would be"
                        + " another row's table");
            }
            if (singleTables.contains(table)) {
                throw refused(named, "names the single table " + table + ", which lives in ds_0 only");
            }
        }
        if (shard.required() != null && !named.tables().contains(lower(shard.required()))) {
            throw refused(named, "is routed to " + shard.required() + " and does not name it");
        }
        if (named.tables().isEmpty()) {
            throw refused(named, "names no sharded table: on one order's shard it would run unrouted");
        }
        return named.onTable(shard.table(), splitIntoTables);
    }

    private String onKeyedRow(Named named, Pin.Keyed keyed) {
        String required = lower(keyed.required());
        for (String table : named.tables()) {
            if (!table.equals(required)) {
                throw refused(named, "names " + table + " on the connection of one row of " + keyed.required()
                        + ", which its key places: another table's rows live elsewhere");
            }
        }
        if (named.tables().isEmpty()) {
            throw refused(named, "is routed to " + keyed.required() + " and does not name it");
        }
        return named.onTable(keyed.table(), splitIntoTables);
    }

    private String onSingleTables(Named named, Pin.Single single) {
        for (String table : named.tables()) {
            if (!singleTables.contains(table)) {
                throw refused(named, "names the sharded table " + table + " on the single tables' connection (ds_0)");
            }
        }
        if (!named.tables().contains(lower(single.required()))) {
            throw refused(named, "is routed to the single table " + single.required() + " and does not name it");
        }
        return named.sql();
    }

    private Named named(String sql) {
        Named named = remembered.get(sql);
        if (named != null) {
            return named;
        }
        named = scan(sql);
        if (remembered.size() < REMEMBERED) {
            remembered.putIfAbsent(sql, named);
        }
        return named;
    }

    private Named scan(String sql) {
        List<String> parts = new ArrayList<>();
        List<String> named = new ArrayList<>();
        Matcher matcher = tablesOrSkipped.matcher(sql);
        int from = 0;
        while (matcher.find()) {
            if (matcher.group(1) != null) {
                parts.add(sql.substring(from, matcher.start(1)));
                named.add(matcher.group(1));
                from = matcher.end(1);
            }
        }
        parts.add(sql.substring(from));
        return new Named(sql, parts, named, tablesPerDatabase);
    }

    private static String lower(String table) {
        return table.toLowerCase(Locale.ROOT);
    }

    private static Set<String> lower(Set<String> tables) {
        return tables.stream().map(PhysicalNames::lower).collect(Collectors.toUnmodifiableSet());
    }

    private static IllegalStateException refused(Named named, String why) {
        return new IllegalStateException("statement refused on a directly routed connection: it " + why + ": "
                + named.sql());
    }

    /** A statement text cut around the tables it names, with its text for each table index once made. */
    private static final class Named {

        private final String sql;
        /** The text before, between and after the named tables: one more than {@link #occurrences}. */
        private final List<String> parts;
        /** Each table as written, in order. */
        private final List<String> occurrences;
        /** The logic tables named, lower case. */
        private final Set<String> tables;
        private final AtomicReferenceArray<String> byTableIndex;

        Named(String sql, List<String> parts, List<String> occurrences, int tablesPerDatabase) {
            this.sql = sql;
            this.parts = List.copyOf(parts);
            this.occurrences = List.copyOf(occurrences);
            this.tables = occurrences.stream().map(PhysicalNames::lower).collect(Collectors.toCollection(LinkedHashSet::new));
            this.byTableIndex = new AtomicReferenceArray<>(tablesPerDatabase);
        }

        String sql() {
            return sql;
        }

        Set<String> tables() {
            return tables;
        }

        /**
         * The text with each sharded table named by its physical table of index {@code table}, a table with one copy
         * per database as it is. The caller has refused every text naming a table the pin does not place, so a text's
         * result for an index is the same whichever pin asked.
         */
        String onTable(int table, Map<String, Boolean> splitIntoTables) {
            String done = byTableIndex.get(table);
            if (done != null) {
                return done;
            }
            StringBuilder text = new StringBuilder(sql.length() + 4 * occurrences.size());
            for (int i = 0; i < occurrences.size(); i++) {
                String written = occurrences.get(i);
                String logic = lower(written);
                text.append(parts.get(i)).append(splitIntoTables.getOrDefault(logic, false) ? logic + "_" + table : written);
            }
            done = text.append(parts.get(occurrences.size())).toString();
            byTableIndex.set(table, done);
            return done;
        }
    }
}
