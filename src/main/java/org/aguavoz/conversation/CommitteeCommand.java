package org.aguavoz.conversation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aguavoz.communities.SpellingVariant;

/**
 * A committee member's SMS command: {@code OK 4821}, {@code NOTA 4821 mañana llega el fontanero},
 * {@code LISTO 4821 se cambió la válvula}, {@code PENDIENTES}, in Spanish or English, forgiving of case, accents,
 * spaces and a reference glued to the keyword ({@code ok4821}). The reference may be left out.
 */
record CommitteeCommand(Kind kind, Optional<String> reference, String text, String language) {

    enum Kind { ACKNOWLEDGE, NOTE, RESOLVE, PENDING }

    private static final Pattern COMMAND = Pattern.compile(
            "^\\s*(ok|okey|enterado|visto|nota|note|avance|listo|resuelto|arreglado|done|fixed|pendientes|pendiente|pending)(?![a-z])"
                    + "(?:\\s*[#:.,-]?\\s*([1-9][0-9]{3,5})\\b)?[\\s:.,-]*(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** Empty when the SMS is not a committee command (then it is read like any villager's). */
    static Optional<CommitteeCommand> parse(String sms) {
        if (sms == null) {
            return Optional.empty();
        }
        String unaccented = SpellingVariant.withoutAccents(sms);
        Matcher matcher = COMMAND.matcher(unaccented);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String keyword = matcher.group(1).toLowerCase(java.util.Locale.ROOT);
        Optional<String> reference = Optional.ofNullable(matcher.group(2));
        // Keep the member's own words, accents included: they are relayed to the reporter as written.
        String text = matcher.group(3).isBlank() ? "" : sms.substring(sms.length() - matcher.group(3).length()).strip();
        Kind kind = switch (keyword) {
            case "ok", "okey", "enterado", "visto" -> Kind.ACKNOWLEDGE;
            case "nota", "note", "avance" -> Kind.NOTE;
            case "listo", "resuelto", "arreglado", "done", "fixed" -> Kind.RESOLVE;
            default -> Kind.PENDING;
        };
        // "ok gracias" from a villager is not a command; a member's OK carries nothing but a reference.
        if ((kind == Kind.ACKNOWLEDGE || kind == Kind.PENDING) && !text.isEmpty()) {
            return Optional.empty();
        }
        String language = switch (keyword) {
            case "note", "done", "fixed", "pending" -> "en";
            default -> "es";
        };
        return Optional.of(new CommitteeCommand(kind, reference, text, language));
    }

    @Override
    public String toString() {
        return kind + reference.map(r -> " " + r).orElse("") + (text.isEmpty() ? "" : " \"" + text + "\"");
    }
}
