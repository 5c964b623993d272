package io.paysuite.kit.jdbc;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;

/**
 * Recognizes "this unique key is taken" whatever wraps it (MyBatis, Spring, ShardingSphere), and
 * nothing else: a NOT NULL or length violation must stay an error, not pass for a repeat. Every
 * idempotent insert of the suite (claims, postings, sign-ups) relies on this one reading of it.
 */
public final class DuplicateKey {

    /** MySQL and MariaDB {@code ER_DUP_ENTRY}. */
    static final int ER_DUP_ENTRY = 1062;

    private DuplicateKey() {
    }

    /**
     * Runs an insert: true when it wrote, false when a unique key was taken (the caller reads what holds it);
     * any other failure is thrown.
     */
    public static boolean inserted(Runnable insert) {
        try {
            insert.run();
            return true;
        } catch (DataAccessException failure) {
            if (isCause(failure)) {
                return false;
            }
            throw failure;
        }
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DuplicateKeyException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getErrorCode() == ER_DUP_ENTRY
                    && (sql instanceof SQLIntegrityConstraintViolationException || "23000".equals(sql.getSQLState()))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
