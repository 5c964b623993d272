package io.paysuite.channel.unionpay;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.channel.reconcile.BillFormatException;
import io.paysuite.channel.reconcile.BillRow;
import io.paysuite.channel.reconcile.BillSource;
import io.paysuite.channel.reconcile.BillUnavailableException;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * UnionPay's daily file of one acquirer, as UnionPay hands it out: ACP's file transfer transaction
 * ({@link UnionPayFileTransfer}, signed with that acquirer's key, the answer verified), {@code fileContent} undone and the
 * transaction detail file taken out of the archive ({@link UnionPayBillArchive}), then parsed ({@link UnionPayBillParser}).
 *
 * <ul>
 *   <li>{@code 00} with a file → its rows.</li>
 *   <li>{@code 98} 文件不存在 → no rows: UnionPay has no file because nothing of ours settled that day (UnionPay's demo
 *       treats 98 as "file does not exist"). An empty bill is the honest reading: reconciliation then reports every
 *       order SUCCESS here that day as {@code PLATFORM_ONLY}, so nothing is hidden. The same code can also mean
 *       the file is not generated yet (a day asked too early); that shows up the same way and is cleared by asking
 *       again later — a re-run resolves what then agrees as {@code SELF_HEALED}.</li>
 *   <li>any other code → {@link BillUnavailableException} with it; no verified answer → the same.</li>
 *   <li>{@code 00} without {@code fileContent}, or an archive we cannot read → {@link BillFormatException}.</li>
 * </ul>
 * The file's layout is the channel sandbox's fixed-width one; UnionPay's own 42-field GBK "ZM" layout is not parsed
 * yet, and its lines would fail {@link UnionPayBillParser} loudly (a format error), never as an empty day.
 */
public class UnionPayBillSource implements BillSource {

    static final String OK = "00";
    static final String FILE_NOT_FOUND = "98";

    private static final Logger log = LoggerFactory.getLogger(UnionPayBillSource.class);

    private final UnionPayFileTransfer transfer;

    /** One per acquirer: each hands out the file of its own merchant number. */
    public UnionPayBillSource(UnionPayFileTransfer transfer) {
        this.transfer = transfer;
    }

    @Override
    public ChannelCode channel() {
        return transfer.channel();
    }

    @Override
    public List<BillRow> rows(LocalDate billDate) {
        UnionPayFileTransfer.Answer answer = transfer.request(billDate);
        if (FILE_NOT_FOUND.equals(answer.respCode())) {
            log.info("{} has no file for {} (98 {}): an empty bill", channel(), billDate, answer.respMsg());
            return List.of();
        }
        if (!OK.equals(answer.respCode())) {
            throw new BillUnavailableException(channel() + " refused the file of " + billDate + ": respCode " + answer.respCode()
                    + " " + answer.respMsg());
        }
        if (answer.fileContent() == null || answer.fileContent().isBlank()) {
            throw new BillFormatException(channel() + " answered 00 for " + billDate + " without fileContent");
        }
        return UnionPayBillParser.forBillDate(billDate).parse(UnionPayBillArchive.detailFile(answer.fileContent(), transfer.merId()));
    }
}
