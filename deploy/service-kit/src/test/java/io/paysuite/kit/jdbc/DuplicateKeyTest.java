package io.paysuite.kit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;

class DuplicateKeyTest {

    static final SQLException DUPLICATE_ENTRY =
            new SQLIntegrityConstraintViolationException("Duplicate entry 'M1-1' for key 'uk_out_no'", "23000", 1062);
    static final SQLException NOT_NULL =
            new SQLIntegrityConstraintViolationException("Column 'buyer_id' cannot be null", "23000", 1048);

    @Test
    void springsDuplicateKeyExceptionIsADuplicate() {
        assertThat(DuplicateKey.isCause(new DuplicateKeyException("taken"))).isTrue();
    }

    @Test
    void aDuplicateEntryDeepInTheCauseChainIsADuplicate() {
        Throwable wrapped = new DataIntegrityViolationException("insert failed",
                new IllegalStateException("sharding", DUPLICATE_ENTRY));

        assertThat(DuplicateKey.isCause(wrapped)).isTrue();
    }

    @Test
    void aDuplicateEntryReportedOnlyBySqlStateAndCodeIsADuplicate() {
        assertThat(DuplicateKey.isCause(new SQLException("Duplicate entry", "23000", 1062))).isTrue();
    }

    @Test
    void aNotNullViolationIsNotADuplicate() {
        assertThat(DuplicateKey.isCause(new DataIntegrityViolationException("insert failed", NOT_NULL))).isFalse();
    }

    @Test
    void errorCode1062WithAnotherSqlStateIsNotADuplicate() {
        assertThat(DuplicateKey.isCause(new SQLException("odd driver", "HY000", 1062))).isFalse();
    }

    @Test
    void nothingIsNotADuplicate() {
        assertThat(DuplicateKey.isCause(null)).isFalse();
    }

    @Test
    void anInsertThatWritesAnswersTrue() {
        boolean[] ran = {false};

        assertThat(DuplicateKey.inserted(() -> ran[0] = true)).isTrue();
        assertThat(ran[0]).isTrue();
    }

    @Test
    void anInsertThatHitsATakenKeyAnswersFalse() {
        assertThat(DuplicateKey.inserted(() -> {
            throw new DataIntegrityViolationException("insert failed", DUPLICATE_ENTRY);
        })).isFalse();
    }

    @Test
    void anInsertThatFailsOtherwiseThrows() {
        QueryTimeoutException timeout = new QueryTimeoutException("slow");

        assertThatThrownBy(() -> DuplicateKey.inserted(() -> {
            throw timeout;
        })).isSameAs(timeout);
        assertThatThrownBy(() -> DuplicateKey.inserted(() -> {
            throw new DataIntegrityViolationException("insert failed", NOT_NULL);
        })).isInstanceOf(DataIntegrityViolationException.class);
    }
}
