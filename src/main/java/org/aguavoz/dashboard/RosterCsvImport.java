package org.aguavoz.dashboard;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.aguavoz.committees.ChangeRoster;
import org.aguavoz.committees.CommitteeMemberships;
import org.aguavoz.committees.MemberRole;
import org.aguavoz.communities.Communities;
import org.aguavoz.communities.Community;
import org.aguavoz.communities.CommunityNames;
import org.aguavoz.communities.CommunityRequest;
import org.aguavoz.communities.CreateCommunity;
import org.aguavoz.communities.SpellingVariant;
import org.aguavoz.phones.PhoneNumber;
import org.aguavoz.phones.PhoneNumbers;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Communities and committee rosters from the spreadsheet an agency already has, saved as CSV (comma or semicolon,
 * Spanish or English headers): one row per member, or per community without members. Every row is checked first
 * and shown; only a file without errors is stored, all of it in one transaction.
 */
@ApplicationScoped
class RosterCsvImport {

    /** A checked row: what it says, and what importing it would do or why it cannot. */
    @TemplateData
    record Checked(long line, String code, String community, String member, String phone, String role,
            String outcome, List<String> errors) {
    }

    @TemplateData
    record Preview(List<Checked> rows, List<String> fileErrors, int importable) {
        public boolean ok() {
            return fileErrors.isEmpty() && rows.stream().allMatch(r -> r.errors().isEmpty());
        }
    }

    /** Header names an agency's sheet may use, for each column. */
    private static final Map<String, List<String>> COLUMNS = Map.of(
            "code", List.of("codigo", "code", "clave"),
            "community", List.of("comunidad", "community", "localidad"),
            "aliases", List.of("alias", "aliases", "variantes"),
            "member", List.of("nombre", "name", "integrante", "member"),
            "phone", List.of("telefono", "phone", "celular"),
            "role", List.of("cargo", "role", "puesto"));

    private static final Map<String, MemberRole> ROLES = Map.ofEntries(
            Map.entry("presidente", MemberRole.PRESIDENT), Map.entry("presidenta", MemberRole.PRESIDENT),
            Map.entry("president", MemberRole.PRESIDENT), Map.entry("secretario", MemberRole.SECRETARY),
            Map.entry("secretaria", MemberRole.SECRETARY), Map.entry("secretary", MemberRole.SECRETARY),
            Map.entry("tesorero", MemberRole.TREASURER), Map.entry("tesorera", MemberRole.TREASURER),
            Map.entry("treasurer", MemberRole.TREASURER), Map.entry("fontanero", MemberRole.OPERATOR),
            Map.entry("operador", MemberRole.OPERATOR), Map.entry("operator", MemberRole.OPERATOR),
            Map.entry("vocal", MemberRole.MEMBER), Map.entry("member", MemberRole.MEMBER), Map.entry("", MemberRole.MEMBER));

    private final Communities communities;
    private final CommitteeMemberships memberships;
    private final CreateCommunity createCommunity;
    private final ChangeRoster changeRoster;
    private final PhoneNumbers phoneNumbers;

    RosterCsvImport(Communities communities, CommitteeMemberships memberships, CreateCommunity createCommunity,
            ChangeRoster changeRoster, PhoneNumbers phoneNumbers) {
        this.communities = communities;
        this.memberships = memberships;
        this.createCommunity = createCommunity;
        this.changeRoster = changeRoster;
        this.phoneNumbers = phoneNumbers;
    }

    /** Checks the file against itself and the database; stores nothing. */
    @Transactional
    Preview check(String csv, UiTexts ui) {
        return run(csv, ui, false);
    }

    /** Checks again (the database may have changed since the preview) and stores everything, or nothing. */
    @Transactional
    Preview apply(String csv, UiTexts ui) {
        Preview preview = run(csv, ui, false);
        if (!preview.ok()) {
            return preview;
        }
        return run(csv, ui, true);
    }

    private Preview run(String csv, UiTexts ui, boolean store) {
        List<CSVRecord> records;
        Map<String, Integer> header;
        String text = csv == null ? "" : csv.replace("\uFEFF", ""); // Excel's byte-order mark
        char delimiter = firstLine(text).chars().filter(c -> c == ';').count() > firstLine(text).chars().filter(c -> c == ',').count() ? ';' : ',';
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get().parse(new StringReader(text))) {
            header = new HashMap<>();
            parser.getHeaderMap().forEach((name, index) -> header.put(plain(name), index));
            records = parser.getRecords();
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            return new Preview(List.of(), List.of(ui.importEmpty()), 0);
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        COLUMNS.forEach((column, names) -> names.stream().filter(header::containsKey).findFirst()
                .ifPresentOrElse(name -> columns.put(column, header.get(name)), () -> missing.add(names.get(0))));
        missing.removeIf(name -> name.equals("alias") || name.equals("nombre") || name.equals("telefono") || name.equals("cargo"));
        if (!missing.isEmpty() || records.isEmpty()) {
            return new Preview(List.of(), List.of(records.isEmpty() && missing.isEmpty() ? ui.importEmpty()
                    : ui.importMissingColumns(String.join(", ", missing))), 0);
        }
        Map<String, String> namesInFile = new HashMap<>();
        Set<String> phonesInFile = new HashSet<>();
        Map<String, Community> created = new HashMap<>();
        List<Checked> checked = new ArrayList<>();
        int importable = 0;
        for (CSVRecord record : records) {
            String code = value(record, columns, "code");
            String name = value(record, columns, "community");
            String member = value(record, columns, "member");
            String phoneText = value(record, columns, "phone");
            String roleText = value(record, columns, "role");
            List<String> errors = new ArrayList<>();
            List<String> outcome = new ArrayList<>();
            Optional<Community> existing = code.matches("[0-9]{1,6}")
                    ? Optional.ofNullable(created.get(code)).or(() -> communities.byCode(code)) : Optional.empty();
            if (!code.matches("[0-9]{1,6}")) {
                errors.add(ui.importBadCode());
            } else if (existing.isEmpty() && !namesInFile.containsKey(code)) {
                if (name.isBlank()) {
                    errors.add(ui.importNoCommunityName());
                } else if (CommunityNames.problemWithName(name).isPresent()) {
                    // A quoted cell may hold line breaks; the same rule as the API's and the form's.
                    errors.add(ui.importBadCommunityName(CommunityNames.MAX_NAME));
                } else {
                    outcome.add(ui.importNewCommunity());
                }
            }
            if (code.matches("[0-9]{1,6}") && !name.isBlank()) {
                String first = namesInFile.putIfAbsent(code, name);
                if (first != null && !SpellingVariant.normalize(first).equals(SpellingVariant.normalize(name))) {
                    errors.add(ui.importNameDiffers(code, first));
                }
            }
            List<String> aliases = new ArrayList<>();
            for (String alias : value(record, columns, "aliases").split("\\|")) {
                if (!alias.isBlank()) {
                    if (CommunityNames.problemWithAlias(alias).isPresent()) {
                        errors.add(ui.importBadAlias(CommunityNames.MAX_ALIAS));
                        continue;
                    }
                    aliases.add(alias.strip());
                    communities.byNormalizedAlias(SpellingVariant.normalize(alias)).filter(c -> !c.code.equals(code))
                            .ifPresent(other -> errors.add(ui.importAliasTaken(alias.strip(), other.code)));
                }
            }
            Optional<PhoneNumber> phone = Optional.empty();
            MemberRole role = ROLES.get(plain(roleText));
            if (!member.isBlank() || !phoneText.isBlank()) {
                if (member.isBlank() || phoneText.isBlank()) {
                    errors.add(ui.importIncompleteMember());
                } else {
                    phone = phoneNumbers.parse(phoneText);
                    if (phone.isEmpty()) {
                        errors.add(ui.importBadPhone(phoneText));
                    } else if (!phonesInFile.add(code + " " + phone.get().e164())) {
                        errors.add(ui.importPhoneTwice());
                    } else if (existing.isPresent() && memberships.currentByPhone(existing.get(), phone.get().e164()).isPresent()) {
                        outcome.add(ui.importAlreadyThere());
                        phone = Optional.empty();
                    } else {
                        outcome.add(ui.importNewMember());
                    }
                }
                if (role == null) {
                    errors.add(ui.importBadRole(roleText));
                }
            }
            if (errors.isEmpty()) {
                importable++;
                if (store) {
                    Community community = existing.orElse(null);
                    if (community == null) {
                        community = createCommunity.create(new CommunityRequest(code, name, aliases, null, null));
                        created.put(code, community);
                    }
                    if (phone.isPresent()) {
                        changeRoster.add(community, member, phone.get(), role);
                    }
                }
            }
            checked.add(new Checked(record.getRecordNumber() + 1, code, name, member,
                    phone.map(PhoneNumber::masked).orElse(phoneText.isBlank() ? "" : maskTyped(phoneText)),
                    roleText, outcome.isEmpty() ? ui.importAlreadyThere() : String.join(", ", outcome), errors));
        }
        return new Preview(checked, List.of(), importable);
    }

    /** A number as typed, shown with only its last three digits (the preview is a page, not a phone book). */
    private static String maskTyped(String typed) {
        String digits = typed.replaceAll("[^0-9]", "");
        return digits.length() <= 3 ? typed : "*".repeat(Math.min(8, digits.length() - 3)) + digits.substring(digits.length() - 3);
    }

    private static String value(CSVRecord record, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null || index >= record.size() ? "" : record.get(index).strip();
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** "Teléfono " → "telefono": headers and roles are compared without case or accents. */
    private static String plain(String text) {
        return SpellingVariant.withoutAccents(text == null ? "" : text).strip().toLowerCase(Locale.ROOT);
    }
}
