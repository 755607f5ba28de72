package org.aguavoz.dashboard;

import java.time.Duration;
import java.time.Instant;

import org.aguavoz.committees.MemberRole;
import org.aguavoz.outbox.OutboundMessage;
import org.aguavoz.staff.StaffRole;
import org.aguavoz.tickets.Category;
import org.aguavoz.tickets.Ticket;
import org.aguavoz.tickets.TicketEvent;
import org.aguavoz.tickets.TicketStatus;

/** The dashboard's words for domain values: one translation of each, wherever it is shown. */
public final class Labels {

    private Labels() {
    }

    static String status(TicketStatus status, UiTexts ui) {
        return switch (status) {
            case OPEN -> ui.statusOpen();
            case ACKNOWLEDGED -> ui.statusAcknowledged();
            case IN_PROGRESS -> ui.statusInProgress();
            case RESOLVED -> ui.statusResolved();
            case CLOSED -> ui.statusClosed();
        };
    }

    public static String category(Category category, UiTexts ui) {
        return switch (category) {
            case OUTAGE -> ui.categoryOutage();
            case QUALITY -> ui.categoryQuality();
            case LEAK -> ui.categoryLeak();
            case BILLING -> ui.categoryBilling();
            case INTEGRITY -> ui.categoryIntegrity();
            case OTHER -> ui.categoryOther();
        };
    }

    static String event(TicketEvent.Type type, UiTexts ui) {
        return switch (type) {
            case OPENED -> ui.eventOpened();
            case ACKNOWLEDGED -> ui.eventAcknowledged();
            case NOTE -> ui.eventNote();
            case RESOLVED -> ui.eventResolved();
            case REOPENED -> ui.eventReopened();
            case CLOSED -> ui.eventClosed();
            case REASSIGNED -> ui.eventReassigned();
            case MERGED -> ui.eventMerged();
            case JOINED -> ui.eventJoined();
            case SPLIT -> ui.eventSplit();
            case REMINDED -> ui.eventReminded();
            case ESCALATED -> ui.eventEscalated();
            case MESSAGE_IN -> ui.smsIn();
            case MESSAGE_OUT -> ui.eventMessageOut();
        };
    }

    static String actor(TicketEvent.ActorType actor, UiTexts ui) {
        return switch (actor) {
            case REPORTER -> ui.actorReporter();
            case COMMITTEE_MEMBER -> ui.actorCommitteeMember();
            case STAFF -> ui.actorStaff();
            case SYSTEM -> ui.actorSystem();
        };
    }

    /**
     * An SMS whose first send ended without an answer (AguaVoz stopped or lost Twilio mid-send) was sent once more:
     * the person may have received it twice, and staff reading the timeline should know why.
     */
    static String delivery(OutboundMessage message, UiTexts ui) {
        String status = delivery(message.status, ui);
        boolean resent = message.outcomeUnknown && message.status != OutboundMessage.Status.PENDING
                && message.status != OutboundMessage.Status.SENDING;
        return resent ? ui.deliveryMaybeTwice(status) : status;
    }

    static String delivery(OutboundMessage.Status status, UiTexts ui) {
        return switch (status) {
            case PENDING -> ui.deliveryPending();
            case SENDING -> ui.deliverySending();
            case QUEUED -> ui.deliveryQueued();
            case SENT -> ui.deliverySent();
            case DELIVERED -> ui.deliveryDelivered();
            case UNDELIVERED -> ui.deliveryUndelivered();
            case FAILED -> ui.deliveryFailed();
            case NOT_SENT -> ui.deliveryNotSent();
        };
    }

    static String memberRole(MemberRole role, UiTexts ui) {
        return switch (role) {
            case PRESIDENT -> ui.memberRolePresident();
            case SECRETARY -> ui.memberRoleSecretary();
            case TREASURER -> ui.memberRoleTreasurer();
            case OPERATOR -> ui.memberRoleOperator();
            case MEMBER -> ui.memberRoleMember();
        };
    }

    static String staffRole(StaffRole role, UiTexts ui) {
        return switch (role) {
            case ADMIN -> ui.staffRoleAdmin();
            case STAFF -> ui.staffRoleStaff();
            case VIEWER -> ui.staffRoleViewer();
        };
    }

    /** How late an unfinished ticket is, or how long it has left; empty once it is resolved or closed. */
    static String due(Ticket ticket, Instant now, UiTexts ui) {
        if (!ticket.isUnfinished()) {
            return "";
        }
        Duration left = Duration.between(now, ticket.workingDeadline());
        if (left.isNegative()) {
            Duration late = left.negated();
            return late.toHours() >= 1 ? ui.hoursLate(late.toHours()) : ui.minutesLate(late.toMinutes());
        }
        return left.toHours() >= 1 ? ui.dueInHours(left.toHours()) : ui.dueInMinutes(left.toMinutes());
    }
}
