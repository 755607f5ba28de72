package org.aguavoz.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappingInterface;
import io.smallrye.config.ConfigMappings;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table is the one list an operator has of what can be set. A name there that nothing
 * reads is a setting that silently does nothing; a setting the code reads that the table leaves out is one nobody
 * can find. What the code reads is taken from the compiled classes (every {@code @ConfigMapping}, as SmallRye names
 * its properties, and every {@code ${…}} or {@code @ConfigProperty} in an annotation), from names written as string
 * literals in the sources (config sources read them before mappings exist), and from application.properties.
 */
class ConfigurationTableTest {

    private static final Path CLASSES = Path.of("target/classes");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path APPLICATION_PROPERTIES = Path.of("src/main/resources/application.properties");
    /** The table may move beside the deployment files; wherever it is, there is one. */
    private static final List<Path> DOCS = List.of(Path.of("README.md"), Path.of("deploy"));
    private static final Path ENV_EXAMPLE = Path.of("deploy/aguavoz.env.example");
    private static final Pattern TABLE_HEADER =
            Pattern.compile("\\|\\s*environment variable\\s*\\|\\s*property\\s*\\|.*");

    /** AguaVoz's own settings: every one it reads must be in the table. */
    private static final Pattern OWN = Pattern.compile("(aguavoz|twilio)\\..+");

    /** Read by the code but kept out of the table on purpose. Keep this short; each entry says why. */
    private static final Map<String, String> NOT_FOR_OPERATORS = Map.of(
            "aguavoz.embedded-db.durable",
            "only tests and dev mode may set it (to false); any other start refuses it, so an operator has none",
            "aguavoz.benchmark.baseline",
            "turns on the unsigned endpoint the webhook benchmark compares against; the Benchmarks section names it");

    /** Named in the README, read by Quarkus itself: neither AguaVoz's code nor application.properties names it. */
    private static final Map<String, String> READ_BY_QUARKUS = Map.of(
            "quarkus.profile", "picks the profile (prod, demo) before any configuration is read");

    /** String literals in the sources that look like setting names but are not. */
    private static final Map<String, String> NOT_SETTINGS = Map.of(
            "aguavoz.login.retry-after-seconds",
            "the attribute a delayed login's refusal carries to its 429 answer (LoginDelayedResponse)");

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9._-]+)(?::([^}]*))?}");
    private static final Pattern NAME_LITERAL =
            Pattern.compile("\"((?:aguavoz|twilio|quarkus)\\.[a-z0-9][a-z0-9.-]*[a-z0-9])\"");
    /** Meter names and mapping prefixes look like settings too: a literal right after one of these is neither. */
    private static final Pattern NOT_A_SETTING_BEFORE =
            Pattern.compile("(?:(?:builder|counter|gauge|timer|summary)\\(|prefix\\s*=)\\s*$");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`\n]+)`");
    private static final Pattern ENV_NAME = Pattern.compile("\\b(?:AGUAVOZ|TWILIO|QUARKUS)_[A-Z0-9_]*\\*?");
    private static final Pattern ENV_EXAMPLE_LINE = Pattern.compile("^#?((?:AGUAVOZ|TWILIO|QUARKUS)_[A-Z0-9_]+)=");
    private static final Pattern PROFILED_KEY = Pattern.compile("%([^.]+)\\.(.+)");
    /** Profiles whose settings never reach an operator. */
    private static final Set<String> THROW_AWAY_PROFILES = Set.of("test", "dev");

    /** Setting -> where the code reads it. */
    private static final Map<String, Set<String>> READ = new TreeMap<>();
    /** Setting -> the defaults the code gives it (two different ones are a bug too). */
    private static final Map<String, Set<String>> DEFAULTS = new TreeMap<>();
    private static final List<Row> TABLE = new ArrayList<>();
    /** Literals of NOT_SETTINGS the scan met. */
    private static final Set<String> SKIPPED_LITERALS = new TreeSet<>();
    /** Environment variable names outside the table: name -> where. */
    private static final Map<String, Set<String>> MENTIONED = new TreeMap<>();

    record Row(String file, int line, String env, String property, String defaultCell) {
        String where() {
            return file + ":" + line;
        }
    }

    @BeforeAll
    static void collect() throws IOException {
        assertTrue(Files.isDirectory(CLASSES), "run after compiling: " + CLASSES.toAbsolutePath() + " is missing");
        for (Class<?> type : compiledClasses()) {
            ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
            if (mapping != null) {
                readMapping(type, mapping.prefix());
            }
            for (AnnotatedElement element : annotatedElements(type)) {
                for (Annotation annotation : element.getAnnotations()) {
                    readAnnotation(annotation, "@" + annotation.annotationType().getSimpleName() + " in "
                            + type.getSimpleName());
                }
            }
        }
        readLiterals();
        readApplicationProperties();
        readTable();
        readMentions();
    }

    @Test
    void everyNameTheReadmeGivesIsRead() {
        List<List<String>> stale = new ArrayList<>();
        for (Row row : TABLE) {
            if (!isRead(row.property())) {
                stale.add(List.of(row.env(), row.property(), row.where()));
            }
        }
        MENTIONED.forEach((env, where) -> {
            if (!resolves(env)) {
                stale.add(List.of(env, "?", String.join(", ", where)));
            }
        });
        assertNothing("named in the docs, read by nothing", List.of("environment variable", "property", "where"),
                stale);
    }

    @Test
    void everySettingTheCodeReadsIsInTheTable() {
        Set<String> listed = TABLE.stream().map(Row::property).collect(Collectors.toSet());
        List<List<String>> missing = new ArrayList<>();
        READ.forEach((property, where) -> {
            if (OWN.matcher(property).matches() && !listed.contains(property)
                    && !NOT_FOR_OPERATORS.containsKey(property)) {
                missing.add(List.of(env(property), property,
                        String.join(" ", DEFAULTS.getOrDefault(property, Set.of())), String.join(", ", where)));
            }
        });
        assertNothing("read by the code, missing from the configuration table",
                List.of("environment variable", "property", "code default", "read by"), missing);
    }

    @Test
    void eachPropertyIsItsEnvironmentVariable() {
        List<List<String>> wrong = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Row row : TABLE) {
            if (!env(row.property()).equals(row.env())) {
                wrong.add(List.of(row.env(), row.property(), "the property's variable is " + env(row.property()),
                        row.where()));
            }
            if (!seen.add(row.property())) {
                wrong.add(List.of(row.env(), row.property(), "listed twice", row.where()));
            }
        }
        assertNothing("rows whose two names disagree", List.of("environment variable", "property", "problem", "where"),
                wrong);
    }

    @Test
    void eachDefaultInTheTableIsTheCodes() {
        List<List<String>> wrong = new ArrayList<>();
        for (Row row : TABLE) {
            Set<String> defaults = DEFAULTS.getOrDefault(row.property(), Set.of());
            for (String value : defaults) {
                if (!row.defaultCell().contains("`" + value + "`")) {
                    wrong.add(List.of(row.property(), String.join(" | ", defaults), row.defaultCell(), row.where()));
                    break;
                }
            }
        }
        assertNothing("defaults the table gives differently from the code",
                List.of("property", "code default(s)", "table says", "where"), wrong);
    }

    @Test
    void theCollectorsFindWhatTheyShould() {
        // Guards the scan itself: one name from each way the code reads settings.
        assertEquals(Set.of("PT2H"), DEFAULTS.get("aguavoz.incidents.update-every"), "a @ConfigMapping leaf");
        assertTrue(READ.containsKey("aguavoz.login.first-delay"), "a nested group of a mapping");
        assertTrue(READ.containsKey("aguavoz.public-url"), "a @WithName");
        assertEquals(Set.of("0 0 3 * * ?"), DEFAULTS.get("aguavoz.backup.schedule"), "a ${…} in @Scheduled");
        assertTrue(READ.containsKey("aguavoz.embedded-db.data-dir"), "a name in a string literal");
        assertTrue(READ.containsKey("quarkus.datasource.jdbc.url"), "a @ConfigProperty");
        assertTrue(TABLE.size() > 20, "the table was found: " + TABLE.size() + " rows");
    }

    @Test
    void everyAllowListEntryIsStillNeeded() {
        Set<String> listed = TABLE.stream().map(Row::property).collect(Collectors.toSet());
        List<List<String>> unneeded = new ArrayList<>();
        NOT_FOR_OPERATORS.keySet().stream().filter(name -> !READ.containsKey(name))
                .forEach(name -> unneeded.add(List.of("NOT_FOR_OPERATORS", name, "nothing reads it")));
        READ_BY_QUARKUS.keySet().stream().filter(name -> !listed.contains(name) || READ.containsKey(name))
                .forEach(name -> unneeded.add(List.of("READ_BY_QUARKUS", name, "not in the table, or found read")));
        NOT_SETTINGS.keySet().stream().filter(name -> !SKIPPED_LITERALS.contains(name))
                .forEach(name -> unneeded.add(List.of("NOT_SETTINGS", name, "no longer in the sources")));
        assertNothing("allow-list entries to delete", List.of("list", "name", "why"), unneeded);
    }

    // --- what the code reads

    private static List<Class<?>> compiledClasses() throws IOException {
        List<Class<?>> classes = new ArrayList<>();
        List<String> unloadable = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = CLASSES.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                if (name.endsWith("module-info")) {
                    continue;
                }
                try {
                    classes.add(Class.forName(name, false, ConfigurationTableTest.class.getClassLoader()));
                } catch (ClassNotFoundException | LinkageError e) {
                    unloadable.add(name + ": " + e);
                }
            }
        }
        // A class skipped here would hide the settings it reads.
        assertEquals(List.of(), unloadable, "classes the scan cannot load");
        return classes;
    }

    private static void readMapping(Class<?> type, String prefix) {
        Map<String, ConfigMappingInterface.Property> properties =
                ConfigMappings.getProperties(new ConfigMappings.ConfigClass(type, prefix));
        properties.forEach((path, property) -> {
            if (property.isDefaultMethod()) {
                return;
            }
            // A list's elements may also be given one by one (name[0]); the table names the whole list.
            String name = path.replace("[*]", "");
            read(name, type.getSimpleName() + "." + property.getMethod().getName() + "()");
            if (property.hasDefaultValue() && property.getDefaultValue() != null) {
                DEFAULTS.computeIfAbsent(name, n -> new TreeSet<>()).add(property.getDefaultValue());
            }
        });
    }

    private static List<AnnotatedElement> annotatedElements(Class<?> type) {
        List<AnnotatedElement> elements = new ArrayList<>();
        elements.add(type);
        elements.addAll(Arrays.asList(type.getDeclaredFields()));
        List<Executable> executables = new ArrayList<>(Arrays.asList(type.getDeclaredMethods()));
        executables.addAll(Arrays.asList(type.getDeclaredConstructors()));
        for (Executable executable : executables) {
            elements.add(executable);
            for (Parameter parameter : executable.getParameters()) {
                elements.add(parameter);
            }
        }
        return elements;
    }

    private static void readAnnotation(Annotation annotation, String where) {
        if (annotation instanceof ConfigProperty property) {
            read(property.name(), where);
            if (!ConfigProperty.UNCONFIGURED_VALUE.equals(property.defaultValue())) {
                DEFAULTS.computeIfAbsent(property.name(), n -> new TreeSet<>()).add(property.defaultValue());
            }
        }
        for (Method member : annotation.annotationType().getDeclaredMethods()) {
            Object value;
            try {
                member.setAccessible(true);
                value = member.invoke(annotation);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new AssertionError("cannot read " + annotation + "." + member.getName(), e);
            }
            Object[] values = value instanceof Object[] array ? array : new Object[] { value };
            for (Object each : values) {
                if (each instanceof String text) {
                    readExpressions(text, where);
                } else if (each instanceof Annotation nested) {
                    readAnnotation(nested, where);
                }
            }
        }
    }

    private static void readExpressions(String text, String where) {
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            read(expression.group(1), where);
            if (expression.group(2) != null) {
                DEFAULTS.computeIfAbsent(expression.group(1), n -> new TreeSet<>()).add(expression.group(2));
            }
        }
    }

    private static void readLiterals() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                Matcher literal = NAME_LITERAL.matcher(source);
                while (literal.find()) {
                    String name = literal.group(1);
                    boolean other = NOT_A_SETTING_BEFORE.matcher(source.substring(Math.max(0, literal.start() - 40),
                            literal.start())).find();
                    if (NOT_SETTINGS.containsKey(name)) {
                        SKIPPED_LITERALS.add(name);
                    } else if (!other) {
                        read(name, "\"…\" in " + file.getFileName());
                    }
                }
            }
        }
    }

    private static void readApplicationProperties() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(APPLICATION_PROPERTIES, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        for (String key : properties.stringPropertyNames()) {
            Matcher profiled = PROFILED_KEY.matcher(key);
            if (!profiled.matches()) {
                read(key, "application.properties");
            } else if (!Arrays.stream(profiled.group(1).split(",")).allMatch(THROW_AWAY_PROFILES::contains)) {
                read(profiled.group(2), "application.properties (" + profiled.group(1) + ")");
            }
            // A key only tests or dev mode set is theirs: if the code reads it, the scans above found it.
        }
    }

    private static void read(String name, String where) {
        READ.computeIfAbsent(name, n -> new TreeSet<>()).add(where);
    }

    private static boolean isRead(String property) {
        return READ.containsKey(property) || READ_BY_QUARKUS.containsKey(property);
    }

    /** An environment variable from the docs, or a wildcard ({@code AGUAVOZ_BACKUP_*}), that names a read setting. */
    private static boolean resolves(String env) {
        Stream<String> known = Stream.concat(READ.keySet().stream(), READ_BY_QUARKUS.keySet().stream());
        return env.endsWith("*")
                ? known.anyMatch(property -> env(property).startsWith(env.substring(0, env.length() - 1)))
                : known.anyMatch(property -> env(property).equals(env));
    }

    /** MicroProfile Config's rule: every character other than a letter or digit becomes _, then upper case. */
    static String env(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    // --- what the docs say

    private static List<Path> docs() throws IOException {
        List<Path> docs = new ArrayList<>();
        for (Path place : DOCS) {
            if (Files.isDirectory(place)) {
                try (Stream<Path> files = Files.walk(place)) {
                    files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
                }
            } else if (Files.exists(place)) {
                docs.add(place);
            }
        }
        return docs;
    }

    private static void readTable() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path doc : docs()) {
            List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (!TABLE_HEADER.matcher(lines.get(i).strip()).matches()) {
                    continue;
                }
                found.add(doc + ":" + (i + 1));
                for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("|"); j++) {
                    String[] cells = lines.get(j).split("\\|", -1);
                    if (cells[1].strip().startsWith("---")) {
                        continue;
                    }
                    assertTrue(cells.length >= 5, "a row of four cells: " + doc + ":" + (j + 1));
                    TABLE.add(new Row(doc.toString(), j + 1, unquote(cells[1]), unquote(cells[2]), cells[3].strip()));
                }
            }
        }
        assertEquals(1, found.size(), "one configuration table (| environment variable | property | …) in " + DOCS
                + ", found at " + found);
    }

    private static void readMentions() throws IOException {
        Set<String> tableLines = TABLE.stream().map(Row::where).collect(Collectors.toSet());
        for (Path doc : docs()) {
            List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (tableLines.contains(doc + ":" + (i + 1))) {
                    continue; // checked row by row
                }
                Matcher quoted = BACKTICKED.matcher(lines.get(i));
                while (quoted.find()) {
                    Matcher env = ENV_NAME.matcher(quoted.group(1));
                    while (env.find()) {
                        MENTIONED.computeIfAbsent(env.group(), n -> new TreeSet<>()).add(doc + ":" + (i + 1));
                    }
                }
            }
        }
        if (Files.exists(ENV_EXAMPLE)) {
            List<String> lines = Files.readAllLines(ENV_EXAMPLE, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher setting = ENV_EXAMPLE_LINE.matcher(lines.get(i));
                if (setting.find()) {
                    MENTIONED.computeIfAbsent(setting.group(1), n -> new TreeSet<>()).add(ENV_EXAMPLE + ":" + (i + 1));
                }
            }
        }
    }

    private static String unquote(String cell) {
        return cell.strip().replace("`", "");
    }

    // --- output

    /** Fails with the offenders as an aligned table, so the fix can be read off the message. */
    private static void assertNothing(String what, List<String> header, List<List<String>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int[] widths = new int[header.size()];
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format("%-" + widths[i] + "s", row.get(i))).append(i + 1 < row.size() ? " | " : "");
            }
            lines.add(line.toString().stripTrailing());
        }
        fail(rows.size() + " " + what + ":\n" + String.join("\n", lines));
    }
}
