package org.aguavoz.conversation;

import java.time.Instant;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class Conversations implements PanacheRepositoryBase<Conversation, String> {

    /** The phone's half-filed report, if one is still waiting; an expired one is dropped. */
    Optional<Conversation> waiting(String phone, Instant now) {
        Conversation conversation = findById(phone);
        if (conversation != null && conversation.expiresAt.isBefore(now)) {
            delete(conversation);
            flush();
            return Optional.empty();
        }
        return Optional.ofNullable(conversation);
    }
}
