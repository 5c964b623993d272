package io.paysuite.channel.reconcile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A bill's header row: columns are found by name, never by position, because channels add
 * columns over the years. Also the field conversions the channels' CSV bills share (yuan, Beijing time).
 */
public final class BillColumns {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String bill;
    private final Map<String, Integer> index = new HashMap<>();
    private final int width;

    /** @param bill names the bill in error messages ("Alipay bill") */
    public BillColumns(String bill, List<String> header) {
        this.bill = bill;
        this.width = header.size();
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i).trim(), i);
        }
    }

    /** The position of a column the parser needs; its absence makes the whole file unreadable. */
    public int require(String name) {
        Integer at = index.get(name);
        if (at == null) {
            throw new BillFormatException(bill + " header has no column " + name + "; it has " + index.keySet());
        }
        return at;
    }

    /** The position of a column the parser can do without (a fee, a refund number), or -1 when the bill has none. */
    public int optional(String name) {
        Integer at = index.get(name);
        return at == null ? -1 : at;
    }

    /**
     * A signed yuan amount (the channels print fees as {@code -0.06}) → fen, exactly; an empty field or an absent
     * column ({@code at} -1) is 0.
     */
    public long signedFen(List<String> fields, int at, int line, String column) {
        if (at < 0 || fields.get(at).isBlank()) {
            return 0;
        }
        return fen(fields.get(at), line, column);
    }

    public int width() {
        return width;
    }

    /** Yuan with at most two decimals → fen, exactly (BigDecimal; a third decimal is an error, not a rounding). */
    public long fen(String yuan, int line, String column) {
        try {
            return new BigDecimal(yuan.trim()).movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException notAnAmount) {
            throw new BillFormatException(bill + " line " + line + ": " + column + " '" + yuan + "' is not a yuan amount", notAnAmount);
        }
    }

    /** {@code yyyy-MM-dd HH:mm:ss} Beijing time; an empty field is null. */
    public Instant time(String value, int line, String column) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim(), TIME).atZone(SHANGHAI).toInstant();
        } catch (DateTimeParseException notATime) {
            throw new BillFormatException(bill + " line " + line + ": " + column + " '" + value + "' is not yyyy-MM-dd HH:mm:ss",
                    notATime);
        }
    }

    /** A non-empty text field (order numbers). */
    public String text(String value, int line, String column) {
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            throw new BillFormatException(bill + " line " + line + ": " + column + " is empty");
        }
        return trimmed;
    }
}
