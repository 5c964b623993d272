package io.paysuite.it.event;

import io.paysuite.deploy.infra.DatabaseServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads trade-core's physical databases directly, as an auditor would: the truth the broker's
 * check-back consults. Searches every physical table rather than re-implementing the routing.
 */
final class TradeTables {

    private static final List<String> DATABASES = List.of("paysuite_trade_0", "paysuite_trade_1");
    private static final int TABLES_PER_DATABASE = 4;

    private final DatabaseServer server;

    TradeTables(DatabaseServer server) {
        this.server = server;
    }

    /** The trade number the merchant order number was claimed for, if it was claimed. */
    Optional<String> claimedTradeNo(String merchantId, String outTradeNo) {
        return first("trade_merchant_index_", true,
                "SELECT trade_no FROM %s WHERE merchant_id = ? AND out_trade_no = ?", merchantId, outTradeNo);
    }

    boolean tradeExists(String tradeNo) {
        return first("trade_order_", true, "SELECT trade_no FROM %s WHERE trade_no = ?", tradeNo).isPresent();
    }

    /** Event ids of the committed event rows of this trade. */
    List<String> eventIds(String tradeNo) {
        return all("trade_event", false, "SELECT event_id FROM %s WHERE trade_no = ?", tradeNo);
    }

    private Optional<String> first(String table, boolean split, String sql, String... args) {
        return all(table, split, sql, args).stream().findFirst();
    }

    private List<String> all(String table, boolean split, String sql, String... args) {
        List<String> found = new ArrayList<>();
        for (String database : DATABASES) {
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(database), server.username(), server.password())) {
                int tables = split ? TABLES_PER_DATABASE : 1;
                for (int t = 0; t < tables; t++) {
                    String name = split ? table + t : table;
                    try (PreparedStatement statement = c.prepareStatement(sql.formatted(name))) {
                        for (int i = 0; i < args.length; i++) {
                            statement.setString(i + 1, args[i]);
                        }
                        try (ResultSet rows = statement.executeQuery()) {
                            while (rows.next()) {
                                found.add(rows.getString(1));
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read " + table + " in " + database, e);
            }
        }
        return found;
    }
}
