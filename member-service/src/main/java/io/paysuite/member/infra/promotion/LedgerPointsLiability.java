package io.paysuite.member.infra.promotion;

import io.paysuite.api.common.Outcome;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.PostingCmd;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.money.Money;
import io.paysuite.member.promotion.PointsLiability;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link PointsLiability} as general entries of the ledger ({@code LedgerService.post}): a grant is bizType
 * {@value #BIZ_TYPE} under the posting key {@code PG-<request no>}, earned points a refund took back are
 * {@value #TAKE_BACK_BIZ_TYPE} under {@code PT-<refund no>} (a number too long for the ledger's 64-character
 * key is replaced by its SHA-256, which stays one key per request).
 */
@Component
public class LedgerPointsLiability implements PointsLiability {

    static final String BIZ_TYPE = "POINTS_GRANT";
    static final String TAKE_BACK_BIZ_TYPE = "POINTS_TAKE_BACK";
    private static final String KEY_PREFIX = "PG-";
    private static final String TAKE_BACK_KEY_PREFIX = "PT-";
    private static final int MAX_KEY = 64;
    private static final Logger log = LoggerFactory.getLogger(LedgerPointsLiability.class);

    private final LedgerService ledger;

    public LedgerPointsLiability(LedgerService ledger) {
        this.ledger = ledger;
    }

    @Override
    public void granted(String buyerId, long points, Money value, String requestNo) {
        if (value.minor() <= 0) {
            return; // fewer points than one redemption unit are worth nothing yet
        }
        post(new PostingCmd(postingKey(requestNo), BIZ_TYPE, buyerId, value.currency(), List.of(
                line(AccountType.MARKETING_EXPENSE, AccountType.Side.DEBIT, value),
                line(AccountType.POINTS_LIABILITY, AccountType.Side.CREDIT, value)),
                points + " points granted, request " + requestNo), "points grant " + requestNo, buyerId);
    }

    @Override
    public void takenBack(String buyerId, long points, Money value, String refundNo) {
        if (value.minor() <= 0) {
            return;
        }
        post(new PostingCmd(postingKey(TAKE_BACK_KEY_PREFIX, refundNo), TAKE_BACK_BIZ_TYPE, buyerId, value.currency(), List.of(
                line(AccountType.POINTS_LIABILITY, AccountType.Side.DEBIT, value),
                line(AccountType.MARKETING_EXPENSE, AccountType.Side.CREDIT, value)),
                points + " earned points taken back, refund " + refundNo), "points take-back " + refundNo, buyerId);
    }

    private static PostingLine line(AccountType type, AccountType.Side side, Money value) {
        return new PostingLine(new AccountRef(type, AccountRef.PLATFORM, value.currency()), side, value.minor());
    }

    private void post(PostingCmd entry, String what, String buyerId) {
        Result<JournalEntryDTO> answer;
        try {
            answer = ledger.post(entry);
        } catch (RuntimeException transport) {
            answer = null;
            log.warn("{} not booked yet: {}", what, transport.toString());
        }
        switch (Outcome.of(answer)) {
            case SUCCEEDED -> { }
            case FAILED -> log.error("ALARM: the ledger refused {} of buyer {} ({} {}): book it by hand",
                    what, buyerId, answer.code(), answer.message());
            case UNKNOWN -> throw new BizException(ErrorCode.SERVICE_DEGRADED, what
                    + " is recorded but not booked in the ledger yet: repeat it with the same number");
        }
    }

    static String postingKey(String requestNo) {
        return postingKey(KEY_PREFIX, requestNo);
    }

    private static String postingKey(String prefix, String requestNo) {
        String key = prefix + requestNo;
        if (key.length() <= MAX_KEY) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(requestNo.getBytes(StandardCharsets.UTF_8));
            return (prefix + HexFormat.of().formatHex(digest)).substring(0, MAX_KEY);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
