package org.aguavoz.tickets;

import java.util.Objects;

import org.aguavoz.communities.Community;
import org.aguavoz.phones.PhoneNumber;

/**
 * What is needed to open a ticket.
 *
 * @param reporter null when the report came without a number (dashboard, API)
 * @param anonymous only for integrity complaints: the reporter's number is then shown to administrators only
 */
public record NewTicket(Community community, Category category, Channel channel, PhoneNumber reporter,
        String description, boolean anonymous, String language) {

    public NewTicket {
        Objects.requireNonNull(community, "community");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(channel, "channel");
        if (anonymous && category != Category.INTEGRITY) {
            throw new IllegalArgumentException("only integrity complaints can be anonymous");
        }
        language = language == null ? "es" : language;
    }
}
