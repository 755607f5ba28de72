package org.aguavoz.intake.voice;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import org.aguavoz.config.PublicUrlConfig;
import org.aguavoz.conversation.CallTurn;
import org.aguavoz.conversation.VoiceFlow;

/**
 * What a caller hears when a call cannot be answered (the database is away): a short apology and the invitation to
 * send an SMS, which the spool keeps even then, then a hang-up; never Twilio's "an application error has occurred".
 * Said in each language of the active flow that AguaVoz has the text in, with that language's voice. Made once: it
 * needs no database.
 */
@ApplicationScoped
class OutageApology {

    private static final Set<String> BUNDLE_LANGUAGES = Set.of("es", "en");

    private final String twiml;

    OutageApology(Flows flows, PublicUrlConfig publicUrl) {
        List<CallTurn.Heard> heard = flows.active().languages().values().stream()
                .filter(language -> BUNDLE_LANGUAGES.contains(language.code()) && language.voice().isPresent())
                .map(OutageApology::apology).toList();
        if (heard.isEmpty()) {
            heard = List.of(new CallTurn.Say(texts("es").outage(), Optional.empty(), Optional.empty()));
        }
        this.twiml = CallTwiml.render(new CallTurn(heard, new CallTurn.HangUp()), publicUrl.value(), 1);
    }

    String twiml() {
        return twiml;
    }

    private static CallTurn.Heard apology(VoiceFlow.Language language) {
        return new CallTurn.Say(texts(language.code()).outage(), language.voice(), language.sayLanguage());
    }

    private static VoiceTexts texts(String language) {
        return MessageBundles.get(VoiceTexts.class, Localized.Literal.of(language));
    }
}
