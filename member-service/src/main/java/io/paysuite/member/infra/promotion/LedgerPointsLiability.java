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
 * {@link PointsLiability} as a general entry of the ledger ({@code LedgerService.post}), bizType
 * {@value #BIZ_TYPE}, under the posting key {@code PG-<request no>} (a request number too long for the
 * ledger's 64-character key is replaced by its SHA-256, which stays one key per request).
 */
@Component
public class LedgerPointsLiability implements PointsLiability {

    static final String BIZ_TYPE = "POINTS_GRANT";
    private static final String KEY_PREFIX = "PG-";
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
        PostingCmd entry = new PostingCmd(postingKey(requestNo), BIZ_TYPE, buyerId, value.currency(), List.of(
                new PostingLine(new AccountRef(AccountType.MARKETING_EXPENSE, AccountRef.PLATFORM, value.currency()),
                        AccountType.Side.DEBIT, value.minor()),
                new PostingLine(new AccountRef(AccountType.POINTS_LIABILITY, AccountRef.PLATFORM, value.currency()),
                        AccountType.Side.CREDIT, value.minor())),
                points + " points granted, request " + requestNo);
        Result<JournalEntryDTO> answer;
        try {
            answer = ledger.post(entry);
        } catch (RuntimeException transport) {
            answer = null;
            log.warn("points grant {} not booked yet: {}", requestNo, transport.toString());
        }
        switch (Outcome.of(answer)) {
            case SUCCEEDED -> { }
            case FAILED -> log.error("ALARM: the ledger refused points grant {} of buyer {} ({} {}): book it by hand",
                    requestNo, buyerId, answer.code(), answer.message());
            case UNKNOWN -> throw new BizException(ErrorCode.SERVICE_DEGRADED, "points grant " + requestNo
                    + " is recorded but not booked in the ledger yet: repeat it with the same request_no");
        }
    }

    static String postingKey(String requestNo) {
        String key = KEY_PREFIX + requestNo;
        if (key.length() <= MAX_KEY) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(requestNo.getBytes(StandardCharsets.UTF_8));
            return (KEY_PREFIX + HexFormat.of().formatHex(digest)).substring(0, MAX_KEY);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
