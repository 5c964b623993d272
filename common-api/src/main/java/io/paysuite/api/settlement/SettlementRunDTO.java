package io.paysuite.api.settlement;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** What a run for {@code date} answers: every settlement of that date, made now or before. */
public record SettlementRunDTO(LocalDate date, List<SettlementDTO> settlements) implements Serializable {

    public SettlementRunDTO {
        settlements = List.copyOf(settlements);
    }
}
