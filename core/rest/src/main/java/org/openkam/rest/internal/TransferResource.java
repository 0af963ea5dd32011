package org.openkam.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import org.openkam.api.AccessDeniedException;
import org.openkam.api.account.AccountQuery;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.account.AccountTransfer;
import org.openkam.api.job.Jobs;
import org.openkam.http.api.Exchange;
import org.openkam.http.api.JobAnswer;
import org.openkam.http.api.Problem;
import org.openkam.http.api.ProblemException;
import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.RouteTable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code /accounts/import} spools the uploaded CSV to disk as it arrives and hands it to an import job, answered as
 * {@link JobAnswer} says (202 to poll, or the outcome for a client that prefers to wait);
 * {@code /accounts/export} streams CSV, or JSON when asked for with {@code Accept}.
 */
@Component(configurationPid = "org.openkam.api")
@Designate(ocd = TransferResource.Config.class)
public final class TransferResource implements ApiRoutes {

    @ObjectClassDefinition(name = "OpenKAM account import and export", description = "The CSV import and export "
            + "under /api/v1/accounts")
    public @interface Config {

        @AttributeDefinition(name = "Largest import (MB)", description = "Uploads above this size are refused",
                min = "1")
        int import_max_megabytes() default 512;
    }

    private final AccountTransfer transfer;
    private final AccountRegistry accounts;
    private final Jobs jobs;
    private final long maxUploadBytes;

    @Activate
    public TransferResource(@Reference AccountTransfer transfer, @Reference AccountRegistry accounts,
            @Reference Jobs jobs, Config config) {
        this(transfer, accounts, jobs, config.import_max_megabytes() * 1024L * 1024L);
    }

    TransferResource(AccountTransfer transfer, AccountRegistry accounts, Jobs jobs, long maxUploadBytes) {
        this.transfer = transfer;
        this.accounts = accounts;
        this.jobs = jobs;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public InputStream openApi() throws IOException {
        return OpenApiFragment.open("transfer");
    }

    @Override
    public void define(RouteTable router) {
        router.add("POST", "/accounts/import", this::startImport)
                .add("GET", "/accounts/export", this::export);
    }

    private Object startImport(Exchange ex) throws IOException, InterruptedException {
        var caller = ex.caller();
        // each line's unit is checked by the job; who may change accounts in no unit is refused before the upload
        if (!caller.admin() && caller.grants().keySet().stream().noneMatch(caller::canEdit)) {
            throw new AccessDeniedException("importing accounts needs the key-account-manager or bu-admin role in a "
                    + "business unit");
        }
        String type = ex.request().getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("text/csv")) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "send the CSV file as the body with Content-Type text/csv"));
        }
        String mode = ex.query("mode");
        if (mode != null && !mode.equals("all-or-nothing") && !mode.equals("partial")) {
            throw ProblemException.badRequest("mode", "must be all-or-nothing (the default) or partial");
        }
        String unit = ex.query("businessUnit");
        if (unit != null && !caller.canEdit(unit)) {
            throw ProblemException.badRequest("businessUnit", "is not a business unit you may import into");
        }
        Path spool = Files.createTempFile("openkam-import-", ".csv");
        try (InputStream in = ex.request().getInputStream()) {
            long copied = Files.copy(new LimitedInputStream(in, maxUploadBytes), spool, StandardCopyOption.REPLACE_EXISTING);
            if (copied == 0) {
                throw ProblemException.badRequest("body", "is empty; send a CSV file with a header row");
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(spool);
            throw e;
        }
        return JobAnswer.of(ex, jobs, transfer.startImport(caller, spool, !"partial".equals(mode), unit));
    }

    private Object export(Exchange ex) throws IOException {
        AccountQuery query = AccountsResource.query(ex, false);
        String accept = ex.request().getHeader("Accept");
        if (accept != null && accept.contains("application/json") && !accept.contains("text/csv")) {
            AccountsResource.exportJson(accounts, ex, query);
            return null;
        }
        ex.response().setContentType("text/csv");
        ex.response().setCharacterEncoding("UTF-8");
        ex.response().setHeader("Content-Disposition", "attachment; filename=\"accounts.csv\"");
        Writer out = new OutputStreamWriter(ex.response().getOutputStream(), StandardCharsets.UTF_8);
        transfer.exportCsv(ex.caller(), query, out);
        out.flush();
        return null;
    }

    /** Stops an upload past the configured size with a clear problem instead of filling the disk. */
    private static final class LimitedInputStream extends java.io.FilterInputStream {
        private final long max;
        private long read;

        LimitedInputStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw new ProblemException(Problem.of(413, "too-large", "Upload too large",
                        "imports are limited to " + max + " bytes; split the file"));
            }
        }
    }
}
