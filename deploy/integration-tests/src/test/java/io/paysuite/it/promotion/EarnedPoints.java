package io.paysuite.it.promotion;

import static org.awaitility.Awaitility.await;

import io.paysuite.deploy.infra.DatabaseServer;
import io.paysuite.it.SuiteHarness;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * The points member-service earned on a paid trade and took back on its refunds (docs/adr/0008, "Points earned on
 * a payment"), read from its {@code points_earning} row. Earning follows trade-core's events, after the payment
 * answered, so a test that asserts a buyer's exact points after a payment or a refund waits here first for
 * member-service to have handled them, then counts the earned points in.
 */
public final class EarnedPoints {

    /** The event path takes a few hundred milliseconds; a member-service restarted by another test takes longer. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /**
     * A trade's earning as member-service recorded it.
     *
     * @param points        earned on the cash part (0 when it is worth less than a point; a payment that cannot
     *                      earn — no buyer of ours paid, a wallet top-up — has no row)
     * @param refundedMinor succeeded refunds member-service took into account
     * @param takenBack     earned points those refunds took back
     * @param forgiven      earned points due back that the buyer had already spent
     */
    public record Earning(String buyerId, long points, long cashMinor, long refundedMinor, long takenBack, long forgiven) {
    }

    private EarnedPoints() {
    }

    /** The points the trade's payment earned, once member-service handled its {@code TRADE_SUCCEEDED}. */
    public static long awaitEarned(String tradeNo) {
        return awaitEarning(tradeNo, 0).points();
    }

    /** The earning once member-service handled succeeded refunds of the trade totalling {@code refundedMinor}. */
    public static Earning awaitEarning(String tradeNo, long refundedMinor) {
        Earning[] seen = new Earning[1];
        await("points earning of " + tradeNo + " with " + refundedMinor + " refunded").atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
                    seen[0] = find(tradeNo).orElse(null);
                    return seen[0] != null && seen[0].refundedMinor() == refundedMinor;
                });
        return seen[0];
    }

    public static Optional<Earning> find(String tradeNo) throws SQLException {
        DatabaseServer db = SuiteHarness.suite().infra().database();
        try (Connection member = DriverManager.getConnection(db.jdbcUrl("paysuite_member"), db.username(), db.password());
             PreparedStatement query = member.prepareStatement("SELECT buyer_id, points, cash_minor, refunded_minor, taken_back,"
                     + " forgiven FROM points_earning WHERE trade_no = ?")) {
            query.setString(1, tradeNo);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new Earning(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4),
                        row.getLong(5), row.getLong(6))) : Optional.empty();
            }
        }
    }
}
