package io.paysuite.pay.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counters the rules read for one payment, as bucketed rows: {@code (key, bucket) → count, sum}.
 * Keys: {@code B:<buyer>}, {@code M:<merchant>}, {@code D:<device>}, {@code I:<ip>}, and
 * {@code C:<device>:<card fingerprint>} (one row per card seen on a device that day). Buckets:
 * {@code m<yyyyMMddHHmm>} (a calendar minute) and {@code d<yyyyMMdd>} (a day), in the engine's zone.
 * A buyer's recent average is the buyer's day buckets over the last {@link #RECENT_DAYS} days.
 *
 * <p>Counting is on payments that passed risk (whatever the charge then did): a refused attempt is not
 * part of the velocity it was refused for.
 */
public final class RiskTallies {

    /** How far back "the buyer's recent average" reaches. */
    public static final int RECENT_DAYS = 30;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("'m'yyyyMMddHHmm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("'d'yyyyMMdd");

    /** One counter row. */
    public record Tally(String key, String bucket, long count, long sumMinor) {
    }

    /** The rows one payment reads and writes, all computed from the input and the zone. */
    public record Buckets(List<String> keys, List<String> buckets, String cardPrefix, String today, List<Tally> increments) {
    }

    private final Map<String, Tally> rows = new HashMap<>();
    private final String minute;
    private final String today;
    private final List<String> recentDays;
    private final String cardPrefix;

    private RiskTallies(String minute, String today, List<String> recentDays, String cardPrefix, List<Tally> read) {
        this.minute = minute;
        this.today = today;
        this.recentDays = recentDays;
        this.cardPrefix = cardPrefix;
        read.forEach(row -> rows.put(row.key() + "|" + row.bucket(), row));
    }

    /** The keys and buckets to read (one statement) and the increments to write (one statement). */
    public static Buckets buckets(RiskInput in, ZoneId zone) {
        String minute = MINUTE.format(in.at().atZone(zone));
        LocalDate day = in.at().atZone(zone).toLocalDate();
        String today = DAY.format(day);
        List<String> keys = new ArrayList<>();
        List<Tally> increments = new ArrayList<>();
        if (in.buyerId() != null) {
            keys.add(buyer(in.buyerId()));
            increments.add(new Tally(buyer(in.buyerId()), minute, 1, in.amountMinor()));
            increments.add(new Tally(buyer(in.buyerId()), today, 1, in.amountMinor()));
        }
        keys.add(merchant(in.merchantId()));
        increments.add(new Tally(merchant(in.merchantId()), today, 1, in.amountMinor()));
        if (in.deviceId() != null) {
            keys.add(device(in.deviceId()));
            increments.add(new Tally(device(in.deviceId()), minute, 1, in.amountMinor()));
            increments.add(new Tally(device(in.deviceId()), today, 1, in.amountMinor()));
        }
        if (in.clientIp() != null) {
            keys.add(ip(in.clientIp()));
            increments.add(new Tally(ip(in.clientIp()), minute, 1, in.amountMinor()));
            increments.add(new Tally(ip(in.clientIp()), today, 1, in.amountMinor()));
        }
        String cardPrefix = null;
        if (in.deviceId() != null && in.cardFingerprint() != null) {
            cardPrefix = "C:" + in.deviceId() + ":";
            increments.add(new Tally(cardPrefix + in.cardFingerprint(), today, 1, in.amountMinor()));
        }
        List<String> buckets = new ArrayList<>();
        buckets.add(minute);
        for (int back = 0; back < RECENT_DAYS; back++) {
            buckets.add(DAY.format(day.minusDays(back)));
        }
        return new Buckets(List.copyOf(keys), List.copyOf(buckets), cardPrefix, today, List.copyOf(increments));
    }

    public static RiskTallies of(RiskInput in, ZoneId zone, List<Tally> read) {
        return of(buckets(in, zone), read);
    }

    /** The tallies of the rows read for these buckets. */
    public static RiskTallies of(Buckets b, List<Tally> read) {
        return new RiskTallies(b.buckets().get(0), b.today(), b.buckets().subList(1, b.buckets().size()), b.cardPrefix(), read);
    }

    /** Payments of the subject in this calendar minute or day (before this one). */
    public long count(RiskSubject subject, String id, RiskWindow window) {
        return row(subject.key(id), window == RiskWindow.MINUTE ? minute : today).count();
    }

    /** Amount paid by the subject today (before this one), minor units. */
    public long sumToday(RiskSubject subject, String id) {
        return row(subject.key(id), today).sumMinor();
    }

    /** The buyer's payments and their sum over the last {@link #RECENT_DAYS} days (today included). */
    public Tally buyerHistory(String buyerId) {
        long count = 0;
        long sum = 0;
        for (String day : recentDays) {
            Tally t = row(buyer(buyerId), day);
            count += t.count();
            sum += t.sumMinor();
        }
        return new Tally(buyer(buyerId), "recent", count, sum);
    }

    /** Distinct cards paid with on the device today, counting this payment's card. */
    public long cardsOnDeviceToday(String cardFingerprint) {
        if (cardPrefix == null) {
            return 0;
        }
        long others = rows.values().stream()
                .filter(t -> t.key().startsWith(cardPrefix) && t.bucket().equals(today)
                        && !t.key().equals(cardPrefix + cardFingerprint))
                .count();
        return others + 1;
    }

    private Tally row(String key, String bucket) {
        return rows.getOrDefault(key + "|" + bucket, new Tally(key, bucket, 0, 0));
    }

    static String buyer(String id) {
        return RiskSubject.BUYER.key(id);
    }

    static String merchant(String id) {
        return RiskSubject.MERCHANT.key(id);
    }

    static String device(String id) {
        return RiskSubject.DEVICE.key(id);
    }

    static String ip(String id) {
        return RiskSubject.IP.key(id);
    }
}
