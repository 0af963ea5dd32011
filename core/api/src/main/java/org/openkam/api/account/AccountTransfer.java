package org.openkam.api.account;

import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

import org.openkam.api.Caller;
import org.openkam.api.job.Job;
import org.osgi.annotation.versioning.ProviderType;

/** Bulk movement of accounts in and out as CSV, for integrators. */
@ProviderType
public interface AccountTransfer {

    /** The CSV columns, in export order; an import accepts any subset with a header row. */
    List<String> columns();

    /**
     * Starts importing a CSV file in the background and returns the job to poll. The file is read
     * streaming, checked whole first, and deleted when the job ends.
     *
     * @param allOrNothing store nothing if any line is bad (the default); otherwise store the good lines
     */
    Job startImport(Caller caller, Path csv, boolean allOrNothing);

    /**
     * As {@link #startImport(Caller, Path, boolean)}, with the business unit of the lines that name none
     * (no {@code businessUnit} column, or an empty value in it).
     *
     * @param businessUnit the unit those lines go to; {@code null} leaves them without one (they are bad lines)
     */
    Job startImport(Caller caller, Path csv, boolean allOrNothing, String businessUnit);

    /** Writes every account matching the query as CSV with a header row, streaming. */
    void exportCsv(Caller caller, AccountQuery query, Writer out);
}
