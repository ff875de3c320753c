package io.github.integrityjdbc;

import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An RFC 9457 problem detail for a violation, safe to send to an HTTP client: a status, a {@code type} URI and a
 * {@code title} chosen by the kind, and the extension members {@code kind}, {@code constraint}, {@code table} and
 * {@code columns}. It holds names only: never a value, the SQL text, the explanation or the database's message, and
 * it has no {@code detail}. Framework-neutral and immutable; {@link ViolationProblemDetails} makes Spring's
 * {@code ProblemDetail} of it.
 *
 * <table>
 * <caption>Status, type and title by kind</caption>
 * <tr><th>kind</th><th>status</th><th>type</th><th>title</th></tr>
 * <tr><td>UNIQUE</td><td>409</td><td>{@code …:unique}</td><td>Duplicate value</td></tr>
 * <tr><td>PRIMARY_KEY</td><td>409</td><td>{@code …:primary-key}</td><td>Duplicate key</td></tr>
 * <tr><td>FOREIGN_KEY, statement DELETE</td><td>409</td><td>{@code …:foreign-key-referenced}</td>
 *     <td>Row still referenced</td></tr>
 * <tr><td>FOREIGN_KEY, statement INSERT</td><td>422</td><td>{@code …:foreign-key-missing}</td>
 *     <td>Referenced row missing</td></tr>
 * <tr><td>FOREIGN_KEY, any other statement</td><td>409</td><td>{@code …:foreign-key}</td>
 *     <td>Foreign key violated</td></tr>
 * <tr><td>EXCLUSION</td><td>409</td><td>{@code …:exclusion}</td><td>Conflicting row</td></tr>
 * <tr><td>NOT_NULL</td><td>422</td><td>{@code …:not-null}</td><td>Missing required value</td></tr>
 * <tr><td>CHECK</td><td>422</td><td>{@code …:check}</td><td>Check failed</td></tr>
 * <tr><td>VALUE_TOO_LONG</td><td>400</td><td>{@code …:value-too-long}</td><td>Value too long</td></tr>
 * <tr><td>OUT_OF_RANGE</td><td>400</td><td>{@code …:out-of-range}</td><td>Value out of range</td></tr>
 * <tr><td>OTHER, SQLState class 22</td><td>400</td><td>{@code …:data-error}</td><td>Invalid data</td></tr>
 * <tr><td>OTHER, otherwise</td><td>409</td><td>{@code …:other}</td><td>Integrity violation</td></tr>
 * </table>
 *
 * <p>The type URIs are {@value #TYPE_PREFIX} followed by the name above: tag URIs (RFC 4151), identifiers that are
 * not meant to be dereferenced. A foreign key's side is taken from the statement's verb, the first word of
 * {@link ViolationReport#sql()}, and only where that verb proves it: a DELETE can only remove a parent row that is
 * still referenced, a plain INSERT (without an upsert clause) can only add a child row whose parent is missing. An
 * UPDATE, a MERGE, an upsert or a violation at commit can be either, so it gets the side-neutral type.
 */
public final class ViolationProblem {

    /** The prefix of every {@link #type()}. */
    public static final String TYPE_PREFIX = "tag:integrityjdbc.github.io,2026:violation:";

    private final int status;
    private final URI type;
    private final String title;
    private final ViolationKind kind;
    private final String constraint;
    private final String table;
    private final List<String> columns;

    private ViolationProblem(int status, String typeName, String title, ViolationReport report) {
        this.status = status;
        this.type = URI.create(TYPE_PREFIX + typeName);
        this.title = title;
        this.kind = report.kind();
        this.constraint = report.constraint().orElse(null);
        this.table = report.table().orElse(null);
        this.columns = report.columns();
    }

    /**
     * The problem for {@code report}, by the table in the class comment.
     *
     * @param report a report, as {@link IntegrityViolations#find(Throwable)} returns it
     */
    public static ViolationProblem of(ViolationReport report) {
        switch (report.kind()) {
            case UNIQUE:
                return new ViolationProblem(409, "unique", "Duplicate value", report);
            case PRIMARY_KEY:
                return new ViolationProblem(409, "primary-key", "Duplicate key", report);
            case FOREIGN_KEY:
                String verb = verb(report.sql());
                if (verb.equals("DELETE")) {
                    return new ViolationProblem(409, "foreign-key-referenced", "Row still referenced", report);
                }
                if (verb.equals("INSERT") && !upsert(report.sql())) {
                    return new ViolationProblem(422, "foreign-key-missing", "Referenced row missing", report);
                }
                return new ViolationProblem(409, "foreign-key", "Foreign key violated", report);
            case EXCLUSION:
                return new ViolationProblem(409, "exclusion", "Conflicting row", report);
            case NOT_NULL:
                return new ViolationProblem(422, "not-null", "Missing required value", report);
            case CHECK:
                return new ViolationProblem(422, "check", "Check failed", report);
            case VALUE_TOO_LONG:
                return new ViolationProblem(400, "value-too-long", "Value too long", report);
            case OUT_OF_RANGE:
                return new ViolationProblem(400, "out-of-range", "Value out of range", report);
            default:
                if (report.sqlState() != null && report.sqlState().startsWith("22")) {
                    return new ViolationProblem(400, "data-error", "Invalid data", report);
                }
                return new ViolationProblem(409, "other", "Integrity violation", report);
        }
    }

    /** The problem for the report {@code thrown} carries; empty when the driver did not explain it. */
    public static Optional<ViolationProblem> find(Throwable thrown) {
        return IntegrityViolations.find(thrown).map(ViolationProblem::of);
    }

    /** The HTTP status: 400, 409 or 422. */
    public int status() {
        return status;
    }

    /** The problem type, {@value #TYPE_PREFIX} and a name by kind. */
    public URI type() {
        return type;
    }

    /** A short summary of the problem type, the same for every occurrence. */
    public String title() {
        return title;
    }

    /** The report's kind. */
    public ViolationKind kind() {
        return kind;
    }

    /** The violated constraint, as the database names it; empty where it does not say. */
    public Optional<String> constraint() {
        return Optional.ofNullable(constraint);
    }

    /** The table that owns the constraint; empty where unknown. */
    public Optional<String> table() {
        return Optional.ofNullable(table);
    }

    /** The constrained columns' names; empty when unknown. */
    public List<String> columns() {
        return columns;
    }

    /**
     * The extension members, always these four in this order: {@code kind} (the enum's name), {@code constraint} and
     * {@code table} (null when unknown), {@code columns} (a list of names, maybe empty). Unmodifiable.
     */
    public Map<String, Object> properties() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("kind", kind.name());
        members.put("constraint", constraint);
        members.put("table", table);
        members.put("columns", columns);
        return Collections.unmodifiableMap(members);
    }

    /** The whole problem as JSON members ({@code type}, {@code title}, {@code status}, then {@link #properties()}). */
    public Map<String, Object> toMap() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", type.toString());
        members.put("title", title);
        members.put("status", status);
        members.putAll(properties());
        return Collections.unmodifiableMap(members);
    }

    @Override
    public String toString() {
        return toMap().toString();
    }

    /** The first word of the statement, upper case; empty when there is none or it does not start with a letter. */
    private static String verb(String sql) {
        if (sql == null) {
            return "";
        }
        String text = sql.strip();
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end).toUpperCase(Locale.ROOT);
    }

    /** An INSERT that may update existing rows (PostgreSQL's ON CONFLICT, MySQL's ON DUPLICATE KEY UPDATE). */
    private static boolean upsert(String sql) {
        String words = String.join(" ", Arrays.asList(sql.toUpperCase(Locale.ROOT).split("\\s+")));
        return words.contains("ON CONFLICT") || words.contains("ON DUPLICATE KEY");
    }
}
