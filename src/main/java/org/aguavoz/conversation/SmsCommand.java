package org.aguavoz.conversation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an incoming SMS asks for. Keywords are forgiving (case, accents, extra spaces, digits glued to the
 * keyword, a few common typos, "por favor" around them) because they are typed on keypads; anything that is not
 * a command is a {@link Kind#REPORT}. Components that do not apply to the kind are empty, "", 0 or false.
 *
 * @param reference       STATUS: the ticket reference; empty means the sender's latest report
 * @param text            ANONYMOUS: the words after the keyword, possibly ""; REPORT: the whole message
 * @param digit           MENU_CHOICE: 1 to 9
 * @param code            CODE_ONLY: the number as typed, such as the community code on a poster
 * @param handledByTwilio HELP, OPT_OUT, OPT_IN: Twilio answers this message itself (its default keywords, sent
 *                        as a single word), so replying as well would send a second answer
 * @param language        "es" or "en" when the keyword or the words tell, so the reply can follow the sender
 */
public record SmsCommand(Kind kind, Optional<String> reference, String text, int digit, String code,
        boolean handledByTwilio, Optional<String> language) {

    public enum Kind { HELP, STATUS, OPT_OUT, OPT_IN, ANONYMOUS, MENU_CHOICE, CODE_ONLY, REPORT }

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

    public static SmsCommand parse(String sms) {
        String raw = sms == null ? "" : sms.strip();
        if (!raw.isEmpty() && raw.chars().allMatch(c -> c == '?' || c == '¿' || Character.isWhitespace(c))) {
            return keyword(Kind.HELP, false, Optional.empty());
        }
        String normalized = ReportText.normalize(raw);
        if (MENU_DIGIT.matcher(normalized).matches()) {
            return new SmsCommand(Kind.MENU_CHOICE, Optional.empty(), "", Integer.parseInt(normalized), "", false,
                    Optional.empty());
        }
        if (CODE.matcher(normalized).matches()) {
            return new SmsCommand(Kind.CODE_ONLY, Optional.empty(), "", 0, normalized, false, Optional.empty());
        }
        List<String> words = List.of(LETTER_DIGIT_BOUNDARY.matcher(normalized).replaceAll(" ").split(" "));
        Optional<String> anonymousLanguage = anonymousKeyword(words.get(0));
        if (anonymousLanguage.isPresent()) {
            return new SmsCommand(Kind.ANONYMOUS, Optional.empty(), textAfterFirstWord(raw), 0, "", false,
                    anonymousLanguage);
        }
        List<String> core = words.stream().filter(word -> !COURTESIES.contains(word)).toList();
        if (!core.isEmpty()) {
            Optional<SmsCommand> status = status(core);
            if (status.isPresent()) {
                return status.get();
            }
            Optional<SmsCommand> alone = keywordAlone(String.join(" ", core),
                    TWILIO_KEYWORDS.contains(raw.toUpperCase(Locale.ROOT)));
            if (alone.isPresent()) {
                return alone.get();
            }
        }
        return new SmsCommand(Kind.REPORT, Optional.empty(), raw, 0, "", false, LanguageGuess.guess(raw));
    }

    @Override
    public String toString() {
        return switch (kind) {
            case HELP, OPT_OUT, OPT_IN -> kind + (handledByTwilio ? " twilio" : " ours");
            case STATUS -> "STATUS" + reference.map(number -> " " + number).orElse("");
            case ANONYMOUS -> "ANONYMOUS \"" + text + "\"";
            case MENU_CHOICE -> "MENU_CHOICE " + digit;
            case CODE_ONLY -> "CODE_ONLY " + code;
            case REPORT -> "REPORT";
        };
    }

    private static SmsCommand keyword(Kind kind, boolean handledByTwilio, Optional<String> language) {
        return new SmsCommand(kind, Optional.empty(), "", 0, "", handledByTwilio, language);
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
     * The status keyword, then filler words, then at most one 4 to 6 digit reference. Anything else after it
     * ("estado de la bomba") makes the message a report; so does a reference of the wrong length ("estado 12").
     */
    private static Optional<SmsCommand> status(List<String> words) {
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
            return Optional.of(new SmsCommand(Kind.STATUS, Optional.empty(), "", 0, "", false, language));
        }
        // References never start with 0 (see TicketReferences).
        if (rest.size() == 1 && rest.get(0).matches("[1-9][0-9]{3,5}")) {
            return Optional.of(new SmsCommand(Kind.STATUS, Optional.of(rest.get(0)), "", 0, "", false, language));
        }
        return Optional.empty();
    }

    /** Keywords that must stand alone: "ayuda no tenemos agua" is a report asking for help, not HELP. */
    private static Optional<SmsCommand> keywordAlone(String words, boolean handledByTwilio) {
        // Labels are in ReportText form, where repeated letters collapse: STOPALL is "stopal".
        return Optional.ofNullable(switch (words) {
            case "ayuda", "ayda", "aiuda", "ayudame", "auxilio", "informacion" ->
                    keyword(Kind.HELP, handledByTwilio, SPANISH);
            case "help", "hlp" -> keyword(Kind.HELP, handledByTwilio, ENGLISH);
            // INFO is written the same in both languages.
            case "info" -> keyword(Kind.HELP, handledByTwilio, Optional.empty());
            case "baja", "dar de baja", "darme de baja", "cancelar" -> keyword(Kind.OPT_OUT, handledByTwilio, SPANISH);
            case "stop", "stopal", "stop al", "unsubscribe", "unsuscribe", "cancel", "end", "quit" ->
                    keyword(Kind.OPT_OUT, handledByTwilio, ENGLISH);
            // Not "alto": one letter from ALTA, and it means stop.
            case "alta", "dar de alta", "darme de alta" -> keyword(Kind.OPT_IN, handledByTwilio, SPANISH);
            case "start", "unstop", "yes" -> keyword(Kind.OPT_IN, handledByTwilio, ENGLISH);
            default -> null;
        });
    }
}
