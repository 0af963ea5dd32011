package org.openkam.retail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.openkam.api.job.Job;
import org.openkam.api.job.Jobs;
import org.openkam.http.api.Exchange;
import org.openkam.http.api.JobAnswer;
import org.openkam.http.api.Problem;
import org.openkam.http.api.ProblemException;
import org.openkam.http.api.RouteTable;

/**
 * Sell-out (per unit, stores by code) and sell-in (per retailer) CSV uploads, answered with a job to follow, or with
 * its outcome for a client that prefers to wait ({@link JobAnswer}).
 */
final class ImportRoutes {

    /** Large enough for years of weekly sell-out of a big retailer; a larger file is split. */
    static final long MAX_BYTES = 512L * 1024 * 1024;

    private final RetailScope scope;
    private final SalesImport imports;
    private final Jobs jobs;

    ImportRoutes(RetailScope scope, SalesImport imports, Jobs jobs) {
        this.scope = scope;
        this.imports = imports;
        this.jobs = jobs;
    }

    void define(RouteTable routes) {
        routes.post("/retail/units/{unit}/sell-out", ex -> {
            String unit = ex.path("unit");
            scope.editableUnit(ex.caller(), unit);
            return start(ex, new SalesImport.Target(SalesFile.Kind.SELL_OUT, unit, null));
        }).post("/retail/retailers/{id}/sell-in", ex -> {
            RetailScope.Retailer retailer = scope.editableRetailer(ex.caller(), ex.path("id"));
            return start(ex, new SalesImport.Target(SalesFile.Kind.SELL_IN, retailer.unit(), retailer.id()));
        });
    }

    private Job start(Exchange ex, SalesImport.Target target) throws IOException, InterruptedException {
        String type = ex.request().getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("text/csv")) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "send the CSV file as the body with Content-Type text/csv"));
        }
        String mode = ex.query("mode");
        if (mode != null && !mode.equals("all-or-nothing") && !mode.equals("partial")) {
            throw ProblemException.badRequest("mode", "must be all-or-nothing (the default) or partial");
        }
        Path spool = Files.createTempFile("openkam-retail-import-", ".csv");
        try {
            if (spool(ex.request().getInputStream(), spool) == 0) {
                throw ProblemException.badRequest("body", "is empty; send a CSV file with a header row");
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(spool);
            throw e;
        }
        return JobAnswer.of(ex, jobs, imports.start(ex.caller(), target, spool, !"partial".equals(mode)));
    }

    /** Copies the upload to disk, refusing it past {@link #MAX_BYTES}; returns the bytes copied. */
    private static long spool(InputStream in, Path file) throws IOException {
        long copied = 0;
        byte[] buffer = new byte[64 * 1024];
        try (in; OutputStream out = Files.newOutputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                copied += n;
                if (copied > MAX_BYTES) {
                    throw new ProblemException(Problem.of(413, "payload-too-large", "Payload too large",
                            "imports are limited to " + MAX_BYTES + " bytes; split the file"));
                }
                out.write(buffer, 0, n);
            }
        }
        return copied;
    }
}
