package org.openkam.registry.internal.transfer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.openkam.api.Violation;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountDraft;
import org.openkam.api.account.AccountStatus;
import org.openkam.api.account.KeyAccountTier;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;

/** The account CSV format: its columns and the conversion of one line to an account draft and back. */
public final class AccountCsv {

    public static final List<String> COLUMNS = List.of("id", "businessUnit", "name", "legalName", "industry",
            "country", "region", "status", "tier", "owner", "annualSales", "contributionMargin", "potential",
            "currency", "attributes", "version", "createdAt", "updatedAt");
    /** Columns an export writes that an import reads past: the registry keeps them. */
    static final Set<String> READ_ONLY = Set.of("version", "createdAt", "updatedAt");
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();
    public static final CSVFormat EXPORT = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new))
            .setRecordSeparator("\r\n").get();
    private static final Gson GSON = new Gson();
    /** First characters that make a spreadsheet read a cell as a formula, and the apostrophe that escapes them. */
    private static final String FORMULA_START = "=+-@\t\r'";
    /** What bytes that are not UTF-8 decode to: a lone low surrogate. */
    private static final String NOT_UTF8 = "\udc80";
    private static final Type ATTRIBUTES = new TypeToken<Map<String, String>>() { }.getType();

    private AccountCsv() {
    }

    /** One parsed line: its 1-based line number (the header is line 1), the optional id and the draft. */
    record Row(long line, String id, AccountDraft draft, List<Violation> violations) {
    }

    /** Columns of a header that this format does not know. */
    static List<String> unknownColumns(List<String> header) {
        return header.stream().filter(h -> !COLUMNS.contains(h)).toList();
    }

    /**
     * Parses one record; the owner stays as written (id or username) for the caller to resolve.
     * {@code businessUnit} is the unit of a line that names none, or null.
     */
    static Row parse(CSVRecord record, long line, String businessUnit) {
        List<Violation> v = new ArrayList<>();
        Map<String, String> map = new LinkedHashMap<>();
        record.toMap().forEach((column, value) -> map.put(column, restored(value)));
        if (!record.isConsistent()) {
            v.add(new Violation("line", "has " + record.size() + " values but the header has "
                    + record.getParser().getHeaderNames().size() + " columns"));
        }
        map.forEach((column, value) -> {
            String problem = value == null ? null : textProblem(value);
            if (problem != null) {
                v.add(new Violation(column, problem));
            }
        });
        String unit = text(map, "businessUnit");
        AccountDraft draft = new AccountDraft(unit == null ? businessUnit : unit, text(map, "name"), text(map, "legalName"),
                text(map, "industry"), text(map, "country"), text(map, "region"),
                choice(map, "status", AccountStatus.class, v), choice(map, "tier", KeyAccountTier.class, v),
                text(map, "owner"), number(map, "annualSales", v), number(map, "contributionMargin", v),
                number(map, "potential", v), text(map, "currency"), attributes(map, v));
        return new Row(line, text(map, "id"), draft.normalized(), v);
    }

    /** The values of an account in {@link #COLUMNS} order; texts {@link #neutralised}, numbers as they are. */
    static List<String> values(Account a) {
        return Arrays.asList(a.id(), neutralised(a.businessUnit()), neutralised(a.name()), neutralised(a.legalName()),
                neutralised(a.industry()), neutralised(a.country()), neutralised(a.region()), wire(a.status()),
                wire(a.tier()), neutralised(a.owner()), plain(a.annualSales()), plain(a.contributionMargin()),
                plain(a.potential()), neutralised(a.currency()),
                a.attributes().isEmpty() ? null : GSON.toJson(new TreeMap<>(a.attributes())),
                Long.toString(a.version()), a.createdAt().toString(), a.updatedAt().toString());
    }

    /**
     * A text a spreadsheet shows rather than runs: a value starting with {@code = + - @}, tab or carriage return
     * gets a leading apostrophe (the common convention against CSV formula injection), and so does one starting
     * with an apostrophe, so that {@link #restored} gives back exactly what was exported.
     */
    static String neutralised(String text) {
        return text != null && !text.isEmpty() && FORMULA_START.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** The text {@link #neutralised} stands for: an import of an export stores the values exported. */
    static String restored(String text) {
        return text != null && text.length() > 1 && text.charAt(0) == '\''
                && FORMULA_START.indexOf(text.charAt(1)) >= 0 ? text.substring(1) : text;
    }

    /**
     * The file as UTF-8 text past a byte order mark, which spreadsheet programs like to write. Bytes that are not
     * UTF-8 become an unpaired surrogate, which valid UTF-8 never decodes to, so {@link #parse} refuses them with
     * their line and column, where a strict decoder could only fail the whole file without a line.
     */
    static Reader open(Path csv) throws IOException {
        return open(Files.newInputStream(csv));
    }

    /** As {@link #open(Path)}, from a stream. */
    static Reader open(InputStream csv) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv,
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(NOT_UTF8)), 64 * 1024);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** Why a value cannot be stored as text: a NUL character, or a surrogate without its pair. */
    private static String textProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain NUL characters";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid UTF-8 text";
            }
        }
        return null;
    }

    private static String text(Map<String, String> map, String column) {
        String value = map.get(column);
        return value == null || value.isEmpty() ? null : value;
    }

    private static <E extends Enum<E>> E choice(Map<String, String> map, String column, Class<E> type,
            List<Violation> v) {
        String value = text(map, column);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            v.add(new Violation(column, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(AccountCsv::wire).collect(Collectors.joining(", "))));
            return null;
        }
    }

    private static BigDecimal number(Map<String, String> map, String column, List<Violation> v) {
        String value = text(map, column);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value.length() <= 100 ? value : "too long");
            if (Math.abs((long) number.scale()) > 1000) {
                // 1e4000000 would cost seconds of CPU when scaled, -1e999999999 cannot be scaled at all
                v.add(new Violation(column, "is out of range"));
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            v.add(new Violation(column, "must be a number such as 1250000.50"));
            return null;
        }
    }

    private static Map<String, String> attributes(Map<String, String> map, List<Violation> v) {
        String value = text(map, "attributes");
        if (value == null) {
            return Map.of();
        }
        try {
            Map<String, String> parsed = GSON.fromJson(value, ATTRIBUTES);
            return parsed == null ? Map.of() : new LinkedHashMap<>(parsed);
        } catch (JsonParseException e) {
            v.add(new Violation("attributes", "must be a JSON object of texts such as {\"segment\":\"A\"}"));
            return Map.of();
        }
    }

    static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
