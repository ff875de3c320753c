import java.io.IOException;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * Writes the Java source of the proxy classes; run by the Maven build (generate-sources) with the JDK's source
 * launcher, before anything is compiled: {@code java -cp <compile class path> src/build/java/ProxyGenerator.java <dir>}.
 *
 * <p>It reads only the JDBC interfaces and the vendor interfaces below (by reflection, on the build's class path) and
 * writes, into package {@code io.github.integrityjdbc.proxy}:
 * <ul>
 *   <li>one abstract {@code *Delegation} class per JDBC type: every method of the interface as one plain call on
 *       {@code delegate}. The hand-written bases ({@code ConnectionProxy}, {@code StatementProxy}, ...) extend them and
 *       override, {@code final}, what they intercept. PreparedStatement setters also hand the bound value to the
 *       base's {@code bind} (or {@code bindStream}), and a value the driver rejects to {@code bindFailed};</li>
 *   <li>one {@code final} class per JDBC type and vendor, extending the hand-written base and implementing the vendor's
 *       public interfaces (so that {@code (PGConnection) connection} works) by the same plain delegation; for a
 *       prepared statement, also one per inline slot count ({@link #SLOT_COUNTS}), whose fields hold the first bound
 *       values;</li>
 *   <li>{@code ProxyFactory}: picks, once per delegate class, the class whose vendor interfaces the delegate
 *       implements, then creates every proxy with a plain constructor call.</li>
 * </ul>
 * Nothing here is loaded at run time: the jar holds only what javac makes of the output.
 */
public final class ProxyGenerator {

    private static final String PACKAGE = "io.github.integrityjdbc.proxy";

    /**
     * The names the hand-written statement bases use for the capture ({@code capture.Capture} and
     * {@code CapturedStatement}): a vendor interface declaring one of them is left out, since delegating it would
     * replace the capture.
     */
    private static final Set<String> RESERVED = Set.of("sql", "values", "batchSize", "hasRows", "rowSql", "rowValues",
            "rowValue", "bind", "bindStream", "bindFailed", "captureSql", "captureRow", "captureBatchSql",
            "forgetBatch", "forgetParameters", "explain", "wrote", "slotCount", "slot", "store", "inlineBits",
            "inlineTaken", "isInline", "slotsFor", "valueAt", "bitsAt");

    /**
     * The inline slot counts of the prepared statement proxies ({@code capture.Capture#slotsFor}): one class per count
     * and vendor, each value in a field of its own and one {@code long} for a primitive's bits, so that binding
     * allocates nothing. With compressed references an object of 12 bytes of header and the 4 references of the
     * bases (SQL, overflow, delegate, connection) is 40 bytes with 1 slot, 48 with 3, 56 with 5, 64 with 7: the
     * counts in between cost as much as the next odd one.
     */
    private static final int[] SLOT_COUNTS = {1, 3, 5, 7};

    /** A JDBC type: its interface, its generated delegation, its hand-written base and that base's constructor. */
    private record Kind(String name, Class<?> jdbc, String delegationSuper, String base, String constructorParameters,
                        String constructorArguments) {
    }

    private static final Kind CONNECTION = new Kind("Connection", Connection.class, null, "ConnectionProxy",
            "Connection delegate, io.github.integrityjdbc.diagnose.Explainer explainer", "delegate, explainer");
    private static final Kind STATEMENT = new Kind("Statement", Statement.class,
            "io.github.integrityjdbc.capture.Capture", "StatementProxy",
            "Statement delegate, ConnectionProxy connection, String sql", "delegate, connection, sql");
    private static final Kind PREPARED_STATEMENT = new Kind("PreparedStatement", PreparedStatement.class,
            "StatementProxy", "PreparedStatementProxy",
            "PreparedStatement delegate, ConnectionProxy connection, String sql", "delegate, connection, sql");
    private static final Kind CALLABLE_STATEMENT = new Kind("CallableStatement", CallableStatement.class,
            "PreparedStatementProxy", "CallableStatementProxy",
            "CallableStatement delegate, ConnectionProxy connection, String sql", "delegate, connection, sql");
    private static final Kind RESULT_SET = new Kind("ResultSet", ResultSet.class, null, "ResultSetProxy",
            "ResultSet delegate, StatementProxy statement", "delegate, statement");
    private static final Kind META_DATA = new Kind("DatabaseMetaData", DatabaseMetaData.class, null,
            "DatabaseMetaDataProxy", "DatabaseMetaData delegate, ConnectionProxy connection", "delegate, connection");
    private static final List<Kind> KINDS =
            List.of(CONNECTION, STATEMENT, PREPARED_STATEMENT, CALLABLE_STATEMENT, RESULT_SET, META_DATA);

    /**
     * The vendor interfaces applications cast to, per driver and JDBC type. MariaDB Connector/J is not here: its
     * public types are classes, which no proxy can be; {@code unwrap} reaches them.
     */
    private static final Map<String, Map<Kind, List<String>>> VENDORS = new LinkedHashMap<>();

    static {
        VENDORS.put("Postgres", Map.of(
                CONNECTION, List.of("org.postgresql.PGConnection"),
                STATEMENT, List.of("org.postgresql.PGStatement"),
                PREPARED_STATEMENT, List.of("org.postgresql.PGStatement"),
                CALLABLE_STATEMENT, List.of("org.postgresql.PGStatement")));
        VENDORS.put("MySql", Map.of(
                CONNECTION, List.of("com.mysql.cj.jdbc.JdbcConnection"),
                STATEMENT, List.of("com.mysql.cj.jdbc.JdbcStatement"),
                PREPARED_STATEMENT, List.of("com.mysql.cj.jdbc.JdbcPreparedStatement"),
                CALLABLE_STATEMENT, List.of("com.mysql.cj.jdbc.JdbcPreparedStatement")));
        VENDORS.put("H2", Map.of(
                CONNECTION, List.of("org.h2.engine.CastDataProvider")));
    }

    private final Path directory;

    private ProxyGenerator(Path directory) {
        this.directory = directory;
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]).resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(directory);
        new ProxyGenerator(directory).generate();
    }

    private void generate() throws IOException {
        Map<Kind, List<String>> families = new LinkedHashMap<>();
        for (Kind kind : KINDS) {
            writeDelegation(kind);
            writeFinals(kind, "Plain", List.of());
            families.put(kind, new ArrayList<>());
            for (Map.Entry<String, Map<Kind, List<String>>> vendor : VENDORS.entrySet()) {
                List<String> names = vendor.getValue().get(kind);
                if (names == null) {
                    continue;
                }
                List<Class<?>> interfaces = new ArrayList<>();
                for (String name : names) {
                    interfaces.add(load(name));
                }
                String clash = clash(kind, interfaces);
                if (clash != null) {
                    System.out.println("ProxyGenerator: " + vendor.getKey() + kind.name + "Proxy left out: " + clash);
                    continue;
                }
                writeFinals(kind, vendor.getKey(), interfaces);
                families.get(kind).add(vendor.getKey());
            }
        }
        writeFactory(families);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ProxyGenerator.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " is not on the build's class path: add its driver to the POM"
                    + " (scope provided)", e);
        }
    }

    // ****  the delegation classes  ****

    private void writeDelegation(Kind kind) throws IOException {
        StringBuilder out = header();
        String typed = kind == PREPARED_STATEMENT ? "((java.sql.PreparedStatement) delegate)" : "delegate";
        out.append("/** Generated: every ").append(kind.jdbc.getSimpleName())
                .append(" method as one plain call on the delegate. The hand-written {@link ")
                .append(kind.base).append("} overrides what it intercepts. */\n");
        out.append("public abstract class ").append(kind.name).append("Delegation");
        if (kind.delegationSuper != null) {
            out.append(" extends ").append(kind.delegationSuper);
        }
        out.append(" implements java.sql.").append(kind.jdbc.getSimpleName()).append(" {\n\n");
        if (kind.delegationSuper == null || kind == STATEMENT) {
            out.append("    /** The driver's own object. */\n");
            out.append("    protected final java.sql.").append(kind.jdbc.getSimpleName()).append(" delegate;\n\n");
        }
        out.append("    protected ").append(kind.name).append("Delegation(").append(delegationConstructor(kind))
                .append(") {\n");
        if (kind == STATEMENT) {
            out.append("        super(sql);\n        this.delegate = delegate;\n");
        } else if (kind == PREPARED_STATEMENT || kind == CALLABLE_STATEMENT) {
            out.append("        super(").append(kind.constructorArguments).append(");\n");
        } else {
            out.append("        this.delegate = delegate;\n");
        }
        out.append("    }\n");
        if (kind == PREPARED_STATEMENT) {
            out.append("\n    /** What a setter throws when the driver rejected the value: the base records and explains it. */\n");
            out.append("    protected abstract java.sql.SQLException bindFailed(java.sql.SQLException failure, int index,"
                    + " Object value);\n");
        }

        Set<String> inherited = kind.delegationSuper == null || kind == STATEMENT ? Set.of()
                : signatures(kind == PREPARED_STATEMENT ? Statement.class : PreparedStatement.class);
        String target = kind == CALLABLE_STATEMENT ? "((java.sql.CallableStatement) delegate)" : typed;
        for (Method method : methods(List.of(kind.jdbc))) {
            if (inherited.contains(signature(method))) {
                continue;
            }
            out.append('\n');
            if (kind == PREPARED_STATEMENT && isCapturedSetter(method)) {
                writeSetter(out, method, target);
            } else {
                writeDelegatingMethod(out, method, target);
            }
        }
        out.append("}\n");
        write(kind.name + "Delegation", out);
    }

    private static String delegationConstructor(Kind kind) {
        if (kind == STATEMENT) {
            return "java.sql.Statement delegate, String sql";
        }
        if (kind == PREPARED_STATEMENT || kind == CALLABLE_STATEMENT) {
            return kind.constructorParameters;
        }
        return "java.sql." + kind.jdbc.getSimpleName() + " delegate";
    }

    /**
     * The setters whose value is captured: {@code setXxx(int index, value, ...)} declared by PreparedStatement, but
     * not setNull, which the base writes by hand.
     */
    private static boolean isCapturedSetter(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        return method.getName().startsWith("set") && !method.getName().equals("setNull")
                && parameters.length >= 2 && parameters.length <= 4 && parameters[0] == int.class;
    }

    private static boolean isSizedStream(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        return parameters.length == 3
                && (parameters[1] == java.io.InputStream.class || parameters[1] == java.io.Reader.class)
                && (parameters[2] == int.class || parameters[2] == long.class);
    }

    private static void writeSetter(StringBuilder out, Method method, String target) {
        out.append("    @Override\n    public ").append(signatureSource(method)).append(" {\n");
        out.append("        try {\n            ").append(target).append('.').append(method.getName()).append('(')
                .append(arguments(method)).append(");\n");
        out.append("        } catch (java.sql.SQLException e) {\n");
        out.append("            throw bindFailed(e, p0, p1);\n        }\n");
        if (isSizedStream(method)) {
            out.append("        bindStream(p0, p1, p2);\n");
        } else {
            out.append("        bind(p0, p1);\n");
        }
        out.append("    }\n");
    }

    private static void writeDelegatingMethod(StringBuilder out, Method method, String target) {
        out.append("    @Override\n    public ").append(signatureSource(method)).append(" {\n        ");
        if (method.getReturnType() != void.class) {
            out.append("return ");
        }
        out.append(target).append('.').append(method.getName()).append('(').append(arguments(method)).append(");\n");
        out.append("    }\n");
    }

    // ****  the final classes  ****

    /** The final class of {@code kind} for {@code vendor}; for a prepared statement, one per inline slot count too. */
    private void writeFinals(Kind kind, String vendor, List<Class<?>> interfaces) throws IOException {
        writeFinal(kind, vendor, interfaces, 0);
        if (kind == PREPARED_STATEMENT) {
            for (int slots : SLOT_COUNTS) {
                writeFinal(kind, vendor, interfaces, slots);
            }
        }
    }

    private static String finalName(Kind kind, String vendor, int slots) {
        return vendor + kind.name + "Proxy" + (slots == 0 ? "" : String.valueOf(slots));
    }

    private void writeFinal(Kind kind, String vendor, List<Class<?>> interfaces, int slots) throws IOException {
        StringBuilder out = header();
        String name = finalName(kind, vendor, slots);
        out.append("/** Generated: the ").append(kind.jdbc.getSimpleName()).append(" proxy");
        if (slots > 0) {
            out.append(" with ").append(slots).append(slots == 1 ? " inline slot" : " inline slots");
        }
        if (interfaces.isEmpty()) {
            out.append(" for any driver: the JDBC interface only. */\n");
        } else {
            out.append(" for delegates that implement ").append(interfaces.stream().map(Class::getName)
                    .collect(Collectors.joining(" and "))).append(", which it implements by plain delegation. */\n");
            out.append("@SuppressWarnings({\"deprecation\", \"removal\"})\n");
        }
        out.append("public final class ").append(name).append(" extends ").append(kind.base);
        if (!interfaces.isEmpty()) {
            out.append(" implements ").append(interfaces.stream().map(Class::getCanonicalName)
                    .collect(Collectors.joining(", ")));
        }
        out.append(" {\n\n");
        if (slots > 0) {
            writeSlots(out, slots);
        }
        out.append("    ").append(name).append('(').append(kind.constructorParameters)
                .append(") {\n        super(")
                .append(kind.constructorArguments).append(");\n    }\n");
        if (slots > 0) {
            writeSlotMethods(out, slots);
        }
        Set<String> jdbc = signatures(kind.jdbc);
        for (Method method : methods(interfaces)) {
            if (jdbc.contains(signature(method))) {
                continue;
            }
            String cast = "((" + method.getDeclaringClass().getCanonicalName() + ") delegate)";
            out.append('\n');
            writeDelegatingMethod(out, method, cast);
        }
        out.append("}\n");
        write(name, out);
    }

    /** The inline slots' fields: one per value, one {@code long} for the bits of a primitive. */
    private static void writeSlots(StringBuilder out, int slots) {
        out.append("    /** Parameters 1 to ").append(slots).append(" (a reference, a primitive's marker or null). */\n");
        out.append("    private Object ");
        for (int i = 0; i < slots; i++) {
            out.append(i == 0 ? "" : ", ").append("slot").append(i);
        }
        out.append(";\n    /** The bits of the primitive whose slot holds an inline marker. */\n");
        out.append("    private long bits;\n\n");
    }

    /** The capture's inline slot methods, over the fields of {@link #writeSlots}. */
    private static void writeSlotMethods(StringBuilder out, int slots) {
        out.append("\n    @Override\n    protected int slotCount() {\n        return ").append(slots)
                .append(";\n    }\n");
        out.append("\n    @Override\n    protected Object slot(int slot) {\n        switch (slot) {\n");
        for (int i = 0; i < slots; i++) {
            out.append("            case ").append(i).append(":\n                return slot").append(i).append(";\n");
        }
        out.append("            default:\n                throw new IndexOutOfBoundsException(slot);\n        }\n    }\n");
        out.append("\n    @Override\n    protected boolean store(int slot, Object value) {\n        switch (slot) {\n");
        for (int i = 0; i < slots; i++) {
            out.append("            case ").append(i).append(":\n                slot").append(i)
                    .append(" = value;\n                return true;\n");
        }
        out.append("            default:\n                return false;\n        }\n    }\n");
        out.append("\n    @Override\n    protected long inlineBits() {\n        return bits;\n    }\n");
        out.append("\n    @Override\n    protected void inlineBits(long bits) {\n        this.bits = bits;\n    }\n");
        out.append("\n    @Override\n    protected boolean inlineTaken() {\n        return ");
        for (int i = 0; i < slots; i++) {
            out.append(i == 0 ? "" : " || ").append("isInline(slot").append(i).append(')');
        }
        out.append(";\n    }\n");
    }

    /**
     * Why the proxy of {@code kind} cannot implement {@code interfaces} by delegation, or null: an interface that
     * redeclares a JDBC method with another return type (the hand-written base must keep its own), or that uses a
     * name the capture needs.
     */
    private static String clash(Kind kind, List<Class<?>> interfaces) {
        Map<String, Method> jdbc = new LinkedHashMap<>();
        for (Method method : kind.jdbc.getMethods()) {
            jdbc.put(signature(method), method);
        }
        for (Class<?> type : interfaces) {
            if (!Modifier.isPublic(type.getModifiers()) || !type.isInterface()) {
                return type.getName() + " is not a public interface";
            }
            for (Method method : type.getMethods()) {
                Method same = jdbc.get(signature(method));
                if (same != null && same.getReturnType() != method.getReturnType()) {
                    return type.getName() + " redeclares " + method;
                }
                if (same == null && RESERVED.contains(method.getName()) && !Modifier.isStatic(method.getModifiers())) {
                    return type.getName() + " declares " + method.getName() + ", a name of the capture";
                }
            }
        }
        return null;
    }

    // ****  the factory  ****

    private void writeFactory(Map<Kind, List<String>> families) throws IOException {
        StringBuilder out = header();
        out.append("/**\n * Generated: creates every proxy with a plain constructor call. The class of the proxy depends on"
                + " the delegate's\n * class: once per delegate class (cached in a {@link ClassValue}, which lets the"
                + " driver's class loader go), the\n * first vendor whose interfaces, as this jar's class loader sees them,"
                + " the delegate implements; otherwise the\n * JDBC-only proxy. A vendor whose driver is absent costs one"
                + " failed class lookup per delegate class.\n */\n");
        out.append("public final class ProxyFactory {\n\n");
        for (Kind kind : KINDS) {
            List<String> vendors = families.get(kind);
            if (!vendors.isEmpty()) {
                out.append("    private static final ClassValue<Integer> ").append(constant(kind))
                        .append(" = new ClassValue<>() {\n        @Override\n")
                        .append("        protected Integer computeValue(Class<?> delegateClass) {\n");
                for (int i = 0; i < vendors.size(); i++) {
                    out.append("            if (").append(matcher(kind, vendors.get(i)))
                            .append("(delegateClass)) {\n                return ").append(i + 1)
                            .append(";\n            }\n");
                }
                out.append("            return 0;\n        }\n    };\n\n");
            }
        }
        out.append("    private ProxyFactory() {\n    }\n");
        for (Kind kind : KINDS) {
            writeFactoryMethod(out, kind, families.get(kind));
        }
        for (Kind kind : KINDS) {
            for (String vendor : families.get(kind)) {
                writeMatcher(out, kind, vendor);
            }
        }
        out.append("""

                    /**
                     * True when every method of the generated class is implemented: false when the application's driver
                     * is a newer version whose interface gained a method this class was not generated with (a call
                     * through it would fail with AbstractMethodError), so that the JDBC-only proxy is used instead.
                     */
                    private static boolean complete(Class<?> proxyClass) {
                        for (java.lang.reflect.Method method : proxyClass.getMethods()) {
                            if (java.lang.reflect.Modifier.isAbstract(method.getModifiers())) {
                                return false;
                            }
                        }
                        return true;
                    }
                }
                """);
        write("ProxyFactory", out);
    }

    private static String constant(Kind kind) {
        return kind.name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase() + "_VENDORS";
    }

    private static String matcher(Kind kind, String vendor) {
        return "is" + vendor + kind.name;
    }

    private static String factoryMethod(Kind kind) {
        return switch (kind.name) {
            case "DatabaseMetaData" -> "metaData";
            default -> Character.toLowerCase(kind.name.charAt(0)) + kind.name.substring(1);
        };
    }

    private static void writeFactoryMethod(StringBuilder out, Kind kind, List<String> vendors) {
        String type = "java.sql." + kind.jdbc.getSimpleName();
        String parameters = kind.constructorParameters;
        out.append('\n');
        if (kind == CONNECTION) {
            out.append("    /** The proxy the application gets for a connection of the real driver. */\n    public");
        } else if (kind == PREPARED_STATEMENT) {
            out.append("    /** Of the vendor's class with as many inline slots as {@code sql} asks for. */\n   ");
        } else {
            out.append("   ");
        }
        out.append(" static ").append(type).append(' ').append(factoryMethod(kind)).append('(').append(parameters)
                .append(") {\n");
        out.append("        if (delegate == null) {\n            return null;\n        }\n");
        String indent = "        ";
        if (kind == PREPARED_STATEMENT) {
            out.append("        int slots = io.github.integrityjdbc.capture.Capture.slotsFor(sql);\n");
        }
        if (!vendors.isEmpty()) {
            out.append("        switch (").append(constant(kind)).append(".get(delegate.getClass())) {\n");
            for (int i = 0; i < vendors.size(); i++) {
                out.append("            case ").append(i + 1).append(":\n");
                writeConstruction(out, kind, vendors.get(i), "                ");
            }
            out.append("            default:\n                break;\n        }\n");
        }
        writeConstruction(out, kind, "Plain", indent);
        out.append("    }\n");
    }

    /** {@code return new ...;} of the vendor's class, chosen by the slot count for a prepared statement. */
    private static void writeConstruction(StringBuilder out, Kind kind, String vendor, String indent) {
        if (kind == PREPARED_STATEMENT) {
            out.append(indent).append("switch (slots) {\n");
            for (int slots : SLOT_COUNTS) {
                out.append(indent).append("    case ").append(slots).append(":\n").append(indent).append("        return new ")
                        .append(finalName(kind, vendor, slots)).append('(').append(kind.constructorArguments)
                        .append(");\n");
            }
            out.append(indent).append("    default:\n").append(indent).append("        return new ")
                    .append(finalName(kind, vendor, 0)).append('(').append(kind.constructorArguments).append(");\n");
            out.append(indent).append("}\n");
        } else {
            out.append(indent).append("return new ").append(finalName(kind, vendor, 0)).append('(')
                    .append(kind.constructorArguments).append(");\n");
        }
    }

    private static void writeMatcher(StringBuilder out, Kind kind, String vendor) {
        List<String> names = VENDORS.get(vendor).get(kind);
        out.append("\n    /** The delegate class implements ").append(String.join(" and ", names))
                .append(" of this class loader (false when that driver is absent). */\n");
        out.append("    private static boolean ").append(matcher(kind, vendor)).append("(Class<?> delegateClass) {\n");
        out.append("        try {\n            return ");
        for (String name : names) {
            out.append(load(name).getCanonicalName()).append(".class.isAssignableFrom(delegateClass)\n                    && ");
        }
        // The classes with inline slots implement the same vendor methods as this one: its check answers for them,
        // and it is the one the native-image metadata lists.
        out.append("complete(").append(finalName(kind, vendor, 0)).append(".class);\n");
        out.append("        } catch (LinkageError absent) {\n            return false;\n        }\n    }\n");
    }

    // ****  reflection to source  ****

    /** The instance methods of the interfaces, one per signature (the most specific return type), in a stable order. */
    private static List<Method> methods(List<Class<?>> interfaces) {
        Map<String, Method> bySignature = new LinkedHashMap<>();
        for (Class<?> type : interfaces) {
            for (Method method : type.getMethods()) {
                if (Modifier.isStatic(method.getModifiers()) || method.isSynthetic() || method.isBridge()) {
                    continue;
                }
                bySignature.merge(signature(method), method, (a, b) ->
                        a.getReturnType().isAssignableFrom(b.getReturnType()) ? b : a);
            }
        }
        List<Method> methods = new ArrayList<>(bySignature.values());
        methods.sort(Comparator.comparing(ProxyGenerator::signature));
        return methods;
    }

    private static Set<String> signatures(Class<?> type) {
        return Arrays.stream(type.getMethods()).map(ProxyGenerator::signature).collect(Collectors.toSet());
    }

    private static String signature(Method method) {
        return method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getName)
                .collect(Collectors.joining(",", "(", ")"));
    }

    private static String signatureSource(Method method) {
        StringBuilder out = new StringBuilder();
        TypeVariable<Method>[] variables = method.getTypeParameters();
        if (variables.length > 0) {
            StringJoiner joiner = new StringJoiner(", ", "<", "> ");
            for (TypeVariable<Method> variable : variables) {
                String bounds = Arrays.stream(variable.getBounds()).filter(b -> b != Object.class)
                        .map(ProxyGenerator::source).collect(Collectors.joining(" & "));
                joiner.add(variable.getName() + (bounds.isEmpty() ? "" : " extends " + bounds));
            }
            out.append(joiner);
        }
        out.append(source(method.getGenericReturnType())).append(' ').append(method.getName()).append('(');
        Type[] parameters = method.getGenericParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            out.append(i == 0 ? "" : ", ").append(source(parameters[i])).append(" p").append(i);
        }
        out.append(')');
        Type[] thrown = method.getGenericExceptionTypes();
        if (thrown.length > 0) {
            out.append(" throws ").append(Arrays.stream(thrown).map(ProxyGenerator::source)
                    .collect(Collectors.joining(", ")));
        }
        return out.toString();
    }

    private static String arguments(Method method) {
        StringJoiner joiner = new StringJoiner(", ");
        for (int i = 0; i < method.getParameterCount(); i++) {
            joiner.add("p" + i);
        }
        return joiner.toString();
    }

    private static String source(Type type) {
        if (type instanceof Class<?> c) {
            return c.isArray() ? source(c.getComponentType()) + "[]" : c.getCanonicalName();
        }
        if (type instanceof ParameterizedType p) {
            String arguments = Arrays.stream(p.getActualTypeArguments()).map(ProxyGenerator::source)
                    .collect(Collectors.joining(", "));
            return source(p.getRawType()) + "<" + arguments + ">";
        }
        if (type instanceof WildcardType w) {
            if (w.getLowerBounds().length > 0) {
                return "? super " + source(w.getLowerBounds()[0]);
            }
            Type upper = w.getUpperBounds()[0];
            return upper == Object.class ? "?" : "? extends " + source(upper);
        }
        if (type instanceof GenericArrayType g) {
            return source(g.getGenericComponentType()) + "[]";
        }
        if (type instanceof TypeVariable<?> v) {
            return v.getName();
        }
        throw new IllegalArgumentException("Unexpected type " + type);
    }

    private static StringBuilder header() {
        return new StringBuilder("// Generated by src/build/java/ProxyGenerator.java during the build. Do not edit.\n")
                .append("package ").append(PACKAGE).append(";\n\n")
                .append("import java.sql.CallableStatement;\nimport java.sql.Connection;\n")
                .append("import java.sql.DatabaseMetaData;\nimport java.sql.PreparedStatement;\n")
                .append("import java.sql.ResultSet;\nimport java.sql.Statement;\n\n");
    }

    private void write(String className, StringBuilder source) throws IOException {
        Path file = directory.resolve(className + ".java");
        byte[] bytes = source.toString().getBytes(StandardCharsets.UTF_8);
        if (!Files.exists(file) || !Arrays.equals(Files.readAllBytes(file), bytes)) {
            Files.write(file, bytes);
        }
    }
}
