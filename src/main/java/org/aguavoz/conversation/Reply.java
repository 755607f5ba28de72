package org.aguavoz.conversation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aguavoz.communities.SpellingVariant;

/**
 * Every way one SMS can be read, read once. Who sends it and what is waiting decide which reading applies: "ok"
 * from a committee member acknowledges their ticket; "no hay agua 101" answers "¿Ya tiene agua?" only when the
 * phone has a resolved ticket waiting, and is a report otherwise. {@link SmsDialogue} takes the first reading that
 * fits the sender, in the order of the components. Keywords are forgiving (case, accents, extra spaces, a number
 * glued to the keyword, common typos, "por favor" around them) because they are typed on keypads.
 *
 * @param committee    a committee member's command
 * @param mention      the first ticket reference in a text that is no committee command: from a member of that
 *                     ticket's committee it is a command we do not know ("HECHO 4821"), not a new report
 * @param confirmation the reporter's SI or NO to "¿Ya tiene agua?"
 * @param villager     what the text asks for when nothing above applies; a REPORT when it is no keyword
 */
record Reply(Optional<Committee> committee, Optional<String> mention, Optional<Confirmation> confirmation,
        Villager villager) {

    /**
     * {@code OK 4821}, {@code NOTA 4821 mañana llega el fontanero}, {@code LISTO 4821 se cambió la válvula},
     * {@code PENDIENTES}, {@code AVISO sin agua hasta el jueves}, in Spanish or English.
     *
     * @param reference empty when left out: the member's only open ticket is meant, or they are asked which; always
     *                  empty for a NOTICE, whose words may start with any number ("AVISO 5000 litros llegan en pipa")
     * @param text      the member's words after the reference, accents kept: they are relayed to the reporter (a
     *                  NOTICE's to the whole community)
     * @param language  the keyword's, "es" or "en", for the answer to the member
     */
    record Committee(Kind kind, Optional<String> reference, String text, String language) {

        enum Kind { ACKNOWLEDGE, NOTE, RESOLVE, PENDING, NOTICE }

        @Override
        public String toString() {
            return kind + reference.map(number -> " " + number).orElse("") + quoted(text) + " " + language;
        }
    }

    /**
     * "si", "sí 4821", "SI, 4821", "no 4821 sigue sin agua": the first word decides. YES is not one: it is
     * Twilio's opt-in keyword.
     *
     * @param fixed     SI: the water is back
     * @param reference the resolved ticket meant, for a reporter who has several
     * @param words     what the reporter adds, as written, for the ticket's timeline
     */
    record Confirmation(boolean fixed, Optional<String> reference, String words) {

        @Override
        public String toString() {
            return (fixed ? "SI" : "NO") + reference.map(number -> " " + number).orElse("") + quoted(words);
        }
    }

    /**
     * What a villager's SMS asks for. Components that do not apply to the kind are empty, "", 0 or false.
     *
     * @param reference       STATUS: the ticket reference; empty means the sender's latest report
     * @param text            ANONYMOUS: the words after the keyword, possibly ""; REPORT: the whole message
     * @param digit           MENU_CHOICE: 1 to 9
     * @param code            CODE_ONLY: the number as typed, such as the community code on a poster
     * @param handledByTwilio HELP, OPT_OUT, OPT_IN: Twilio answers this message itself (its default keywords, sent
     *                        as a single word), so replying as well would send a second answer
     * @param language        "es" or "en" when the keyword or the words tell, so the reply can follow the sender
     */
    record Villager(Kind kind, Optional<String> reference, String text, int digit, String code,
            boolean handledByTwilio, Optional<String> language) {

        enum Kind { HELP, STATUS, OPT_OUT, OPT_IN, ANONYMOUS, MENU_CHOICE, CODE_ONLY, REPORT }

        private static Villager keyword(Kind kind, boolean handledByTwilio, Optional<String> language) {
            return new Villager(kind, Optional.empty(), "", 0, "", handledByTwilio, language);
        }

        @Override
        public String toString() {
            String reading = switch (kind) {
                case HELP, OPT_OUT, OPT_IN -> kind + (handledByTwilio ? " twilio" : " ours");
                case STATUS -> "STATUS" + reference.map(number -> " " + number).orElse("");
                case ANONYMOUS -> "ANONYMOUS \"" + text + "\"";
                case MENU_CHOICE -> "MENU_CHOICE " + digit;
                case CODE_ONLY -> "CODE_ONLY " + code;
                case REPORT -> "REPORT";
            };
            return reading + language.map(tag -> " " + tag).orElse("");
        }
    }

    /** A ticket reference: 4 to 6 digits, never a leading 0 (see TicketReferences). */
    private static final String REFERENCE_DIGITS = "[1-9][0-9]{3,5}";
    private static final Pattern REFERENCE = Pattern.compile("\\b(" + REFERENCE_DIGITS + ")\\b");

    /** Matched without accents. The reference may be left out, or glued to the keyword: "ok4821". */
    private static final Pattern COMMITTEE_COMMAND = Pattern.compile(
            "^\\s*(ok|okey|enterado|visto|nota|note|avance|listo|resuelto|arreglado|done|fixed|pendientes|pendiente"
                    + "|pending)(?![a-z])(?:\\s*[#:.,-]?\\s*(" + REFERENCE_DIGITS + ")\\b)?[\\s:.,-]*(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** A notice to the whole community: everything after the keyword is the member's text. */
    private static final Pattern NOTICE_COMMAND = Pattern.compile(
            "^\\s*(aviso|notice)(?![a-z])[\\s#:.,-]*(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** Matched without accents: "si" and "sí" are one answer, "nomas" is none. */
    private static final Pattern CONFIRMATION = Pattern.compile(
            "^\\s*(si|no)\\b\\s*[#:.,-]?\\s*(" + REFERENCE_DIGITS + ")?\\b(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Optional<String> SPANISH = Optional.of("es");
    private static final Optional<String> ENGLISH = Optional.of("en");
    private static final Pattern FIRST_WORD = Pattern.compile("^[^\\p{L}\\p{N}]*[\\p{L}\\p{M}]+");

    /**
     * Twilio's default keywords on long codes: it replies to them itself (and blocks or unblocks the sender), but
     * only when the message is that single word, in any case. The webhook still receives them.
     */
    private static final Set<String> TWILIO_KEYWORDS = Set.of(
            "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "START", "UNSTOP", "YES", "HELP", "INFO");

    /** Greetings and "please" don't change a command: "hola, estado 4821 por favor" is STATUS 4821. */
    private static final Set<String> COURTESIES = Set.of("hola", "buenas", "buenos", "dias", "tardes", "noches", "por",
            "favor", "porfa", "porfavor", "plis", "gracias", "hi", "helo", "please", "pls", "plz", "thanks", "thank",
            "you");

    /** Words people put between the status keyword and the reference: "estado de mi reporte 4821". */
    private static final Set<String> STATUS_FILLERS = Set.of("de", "del", "mi", "el", "la", "reporte", "folio",
            "numero", "num", "no", "n", "caso", "queja", "referencia", "of", "my", "the", "for", "report", "ref",
            "reference", "ticket");

    private static final Pattern MENU_DIGIT = Pattern.compile("[1-9]");
    private static final Pattern CODE = Pattern.compile("[0-9]{1,6}");
    /** "estado4821" is "estado 4821". */
    private static final Pattern LETTER_DIGIT_BOUNDARY = Pattern.compile("(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])");

    static Reply parse(String sms) {
        String raw = sms == null ? "" : sms;
        String unaccented = SpellingVariant.withoutAccents(raw);
        Optional<Committee> committee = committee(raw, unaccented);
        // A committee command names its ticket itself; the mention is for words we do not know.
        return new Reply(committee, committee.isPresent() ? Optional.empty() : mention(raw),
                confirmation(raw, unaccented), villager(raw.strip()));
    }

    /** The readings in the order they are tried, absent ones left out: {@code NO 4821 "sigue sin agua" | REPORT}. */
    @Override
    public String toString() {
        StringJoiner readings = new StringJoiner(" | ");
        committee.ifPresent(command -> readings.add(command.toString()));
        mention.ifPresent(reference -> readings.add("MENTION " + reference));
        confirmation.ifPresent(answer -> readings.add(answer.toString()));
        return readings.add(villager.toString()).toString();
    }

    private static Optional<Committee> committee(String raw, String unaccented) {
        Matcher notice = NOTICE_COMMAND.matcher(unaccented);
        if (notice.matches()) {
            return Optional.of(new Committee(Committee.Kind.NOTICE, Optional.empty(), asSent(raw, notice.start(2)),
                    notice.group(1).equalsIgnoreCase("notice") ? "en" : "es"));
        }
        Matcher matcher = COMMITTEE_COMMAND.matcher(unaccented);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String keyword = matcher.group(1).toLowerCase(Locale.ROOT);
        String text = asSent(raw, matcher.start(3));
        Committee.Kind kind = switch (keyword) {
            case "ok", "okey", "enterado", "visto" -> Committee.Kind.ACKNOWLEDGE;
            case "nota", "note", "avance" -> Committee.Kind.NOTE;
            case "listo", "resuelto", "arreglado", "done", "fixed" -> Committee.Kind.RESOLVE;
            default -> Committee.Kind.PENDING;
        };
        // "ok gracias" from a villager is not a command; a member's OK carries nothing but a reference.
        if ((kind == Committee.Kind.ACKNOWLEDGE || kind == Committee.Kind.PENDING) && !text.isEmpty()) {
            return Optional.empty();
        }
        String language = switch (keyword) {
            case "note", "done", "fixed", "pending" -> "en";
            default -> "es";
        };
        return Optional.of(new Committee(kind, Optional.ofNullable(matcher.group(2)), text, language));
    }

    private static Optional<String> mention(String raw) {
        Matcher reference = REFERENCE.matcher(raw);
        return reference.find() ? Optional.of(reference.group(1)) : Optional.empty();
    }

    private static Optional<Confirmation> confirmation(String raw, String unaccented) {
        Matcher matcher = CONFIRMATION.matcher(unaccented);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Confirmation(matcher.group(1).equalsIgnoreCase("si"),
                Optional.ofNullable(matcher.group(2)), asSent(raw, matcher.start(3))));
    }

    /**
     * The text as sent from where the person's own words start in the unaccented text. Positions differ: an accent
     * sent as a separate mark is dropped, a Hangul syllable decomposes into several letters.
     */
    private static String asSent(String raw, int unaccentedStart) {
        int unaccented = 0;
        int at = 0;
        while (at < raw.length()) {
            int next = raw.offsetByCodePoints(at, 1);
            int length = SpellingVariant.withoutAccents(raw.substring(at, next)).length();
            // A mark right at the start belongs to the letter before it.
            if (unaccented >= unaccentedStart && length > 0) {
                break;
            }
            unaccented += length;
            at = next;
        }
        return raw.substring(at).strip();
    }

    private static Villager villager(String raw) {
        Villager read = keywords(raw);
        // The keyword tells the language; failing that, the words may.
        return read.language().isPresent() ? read : new Villager(read.kind(), read.reference(), read.text(),
                read.digit(), read.code(), read.handledByTwilio(), LanguageGuess.guess(raw));
    }

    private static Villager keywords(String raw) {
        if (!raw.isEmpty() && raw.chars().allMatch(c -> c == '?' || c == '¿' || Character.isWhitespace(c))) {
            return Villager.keyword(Villager.Kind.HELP, false, Optional.empty());
        }
        String normalized = ReportText.normalize(raw);
        if (MENU_DIGIT.matcher(normalized).matches()) {
            return new Villager(Villager.Kind.MENU_CHOICE, Optional.empty(), "", Integer.parseInt(normalized), "",
                    false, Optional.empty());
        }
        if (CODE.matcher(normalized).matches()) {
            return new Villager(Villager.Kind.CODE_ONLY, Optional.empty(), "", 0, normalized, false,
                    Optional.empty());
        }
        List<String> words = List.of(LETTER_DIGIT_BOUNDARY.matcher(normalized).replaceAll(" ").split(" "));
        Optional<String> anonymousLanguage = anonymousKeyword(words.get(0));
        if (anonymousLanguage.isPresent()) {
            return new Villager(Villager.Kind.ANONYMOUS, Optional.empty(), textAfterFirstWord(raw), 0, "", false,
                    anonymousLanguage);
        }
        List<String> core = words.stream().filter(word -> !COURTESIES.contains(word)).toList();
        if (!core.isEmpty()) {
            Optional<Villager> status = status(core);
            if (status.isPresent()) {
                return status.get();
            }
            Optional<Villager> alone = keywordAlone(String.join(" ", core),
                    TWILIO_KEYWORDS.contains(raw.toUpperCase(Locale.ROOT)));
            if (alone.isPresent()) {
                return alone.get();
            }
        }
        return new Villager(Villager.Kind.REPORT, Optional.empty(), raw, 0, "", false, Optional.empty());
    }

    private static Optional<String> anonymousKeyword(String word) {
        return switch (word) {
            case "anonimo", "anonima", "anonimos", "anonimas", "anomino", "anonino" -> SPANISH;
            case "anonymous", "anon" -> ENGLISH;
            default -> Optional.empty();
        };
    }

    /** The sender's own words, accents and all, for the person who will read the complaint. */
    private static String textAfterFirstWord(String raw) {
        Matcher firstWord = FIRST_WORD.matcher(raw);
        String rest = firstWord.find() ? raw.substring(firstWord.end()) : raw;
        return rest.replaceFirst("^[\\s:;,.\\-]+", "").strip();
    }

    /**
     * The status keyword, then filler words, then at most one reference. Anything else after it ("estado de la
     * bomba") makes the message a report; so does a number that is no reference ("estado 12").
     */
    private static Optional<Villager> status(List<String> words) {
        Optional<String> language = switch (words.get(0)) {
            case "estado", "stado", "estdo", "edo", "estatus" -> SPANISH;
            case "status" -> ENGLISH;
            default -> Optional.empty();
        };
        if (language.isEmpty()) {
            return Optional.empty();
        }
        List<String> rest = words.subList(1, words.size()).stream()
                .filter(word -> !STATUS_FILLERS.contains(word))
                .toList();
        if (rest.isEmpty()) {
            return Optional.of(new Villager(Villager.Kind.STATUS, Optional.empty(), "", 0, "", false, language));
        }
        if (rest.size() == 1 && rest.get(0).matches(REFERENCE_DIGITS)) {
            return Optional.of(new Villager(Villager.Kind.STATUS, Optional.of(rest.get(0)), "", 0, "", false,
                    language));
        }
        return Optional.empty();
    }

    /** Keywords that must stand alone: "ayuda no tenemos agua" is a report asking for help, not HELP. */
    private static Optional<Villager> keywordAlone(String words, boolean handledByTwilio) {
        // Labels are in ReportText form, where repeated letters collapse: STOPALL is "stopal".
        return Optional.ofNullable(switch (words) {
            case "ayuda", "ayda", "aiuda", "ayudame", "auxilio", "informacion" ->
                    Villager.keyword(Villager.Kind.HELP, handledByTwilio, SPANISH);
            case "help", "hlp" -> Villager.keyword(Villager.Kind.HELP, handledByTwilio, ENGLISH);
            // INFO is written the same in both languages.
            case "info" -> Villager.keyword(Villager.Kind.HELP, handledByTwilio, Optional.empty());
            case "baja", "dar de baja", "darme de baja", "cancelar" ->
                    Villager.keyword(Villager.Kind.OPT_OUT, handledByTwilio, SPANISH);
            case "stop", "stopal", "stop al", "unsubscribe", "unsuscribe", "cancel", "end", "quit" ->
                    Villager.keyword(Villager.Kind.OPT_OUT, handledByTwilio, ENGLISH);
            // Not "alto": one letter from ALTA, and it means stop.
            case "alta", "dar de alta", "darme de alta" ->
                    Villager.keyword(Villager.Kind.OPT_IN, handledByTwilio, SPANISH);
            case "start", "unstop", "yes" -> Villager.keyword(Villager.Kind.OPT_IN, handledByTwilio, ENGLISH);
            default -> null;
        });
    }

    private static String quoted(String words) {
        return words.isEmpty() ? "" : " \"" + words + "\"";
    }
}
