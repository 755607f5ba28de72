package org.aguavoz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What must hold is enforced by PostgreSQL itself, whatever code (or person with psql) writes to it. Each row
 * is a statement the database must refuse, with the SQLSTATE it refuses it with.
 */
@QuarkusTest
class DatabaseRulesTest {

    @Inject
    AgroalDataSource dataSource;

    private String code;

    @BeforeEach
    void communityWithATicket() throws SQLException {
        code = TestCommunities.freshCode();
        execute("""
                insert into community (agency_id, code, name) values (1, '%1$s', 'Reglas %1$s');
                insert into committee_membership (community_id, name, phone, role)
                    select id, 'Ana', '+529615550201', 'PRESIDENT' from community where code = '%1$s';
                insert into ticket_reference (reference) values ('%1$s');
                insert into ticket (reference, community_id, category, channel, acknowledge_due_at, resolve_due_at, resolve_reminder_at)
                    select '%1$s', id, 'OUTAGE', 'SMS', now(), now(), now() from community where code = '%1$s';
                insert into ticket_event (ticket_id, type, actor_type, channel)
                    select id, 'OPENED', 'REPORTER', 'SMS' from ticket where reference = '%1$s';
                insert into inbound_message (message_sid, account_sid, from_phone, to_phone, body)
                    values ('SM%1$s00000000000000000000000000', 'AC' || repeat('a', 32), '+529615550101', '+529611234567', 'hola');
                """.formatted(code));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        the same MessageSid twice                    | 23505 | insert into inbound_message (message_sid, account_sid, from_phone, to_phone) values ('SM@00000000000000000000000000', 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '+1', '+2')
        a duplicate community code                   | 23505 | insert into community (agency_id, code, name) values (1, '@', 'Otra')
        a community code with letters                | 23514 | insert into community (agency_id, code, name) values (1, '12a', 'Letras')
        a blank community name                       | 23514 | insert into community (agency_id, code, name) values (1, '9@', '  ')
        a phone on two current members               | 23505 | insert into committee_membership (community_id, name, phone, role) select id, 'Otro', '+529615550201', 'MEMBER' from community where code = '@'
        a phone not in E.164                         | 23514 | insert into committee_membership (community_id, name, phone, role) select id, 'Otro', '961 555 0201', 'MEMBER' from community where code = '@'
        an unknown member role                       | 23514 | insert into committee_membership (community_id, name, phone, role) select id, 'Otro', '+529615550299', 'PRESIDENTA' from community where code = '@'
        a membership that ends before it starts      | 23514 | update committee_membership set ended_at = started_at - interval '1 day' where phone = '+529615550201' and community_id = (select id from community where code = '@')
        a reused ticket reference                    | 23505 | insert into ticket_reference (reference) values ('@')
        a ticket with an unclaimed reference         | 23503 | insert into ticket (reference, community_id, category, channel, acknowledge_due_at, resolve_due_at, resolve_reminder_at) select '98765', id, 'OUTAGE', 'SMS', now(), now(), now() from community where code = '@'
        an unknown ticket status                     | 23514 | update ticket set status = 'PENDING' where reference = '@'
        an unknown category                          | 23503 | update ticket set category = 'FLOOD' where reference = '@'
        an anonymous report that is not integrity    | 23514 | update ticket set anonymous = true where reference = '@'
        deleting a ticket                            | 23001 | delete from ticket where reference = '@'
        changing the timeline                        | 23001 | update ticket_event set note = 'cambiado' where ticket_id = (select id from ticket where reference = '@')
        erasing the timeline                         | 23001 | delete from ticket_event where ticket_id = (select id from ticket where reference = '@')
        a community of no agency                     | 23503 | insert into community (agency_id, code, name) values (42, '9', 'Huérfana')
        a negative deadline                          | 23514 | update category set acknowledge_within = interval '-1 hour' where code = 'OUTAGE'
        an unknown outbox status                     | 23514 | insert into outbound_message (to_phone, body, status) values ('+529615550101', 'hola', 'LOST')
        an empty outgoing SMS                        | 23514 | insert into outbound_message (to_phone, body) values ('+529615550101', '')
        a reminder after the resolve deadline        | 23514 | update ticket set resolve_reminder_at = resolve_due_at + interval '1 hour' where reference = '@'
        the same deadline step twice                 | 23505 | insert into deadline_notice (ticket_id, step, due_at, notified_at, instance) select id, 'ACKNOWLEDGE', acknowledge_due_at, now(), 'a' from ticket where reference = '@' union all select id, 'ACKNOWLEDGE', acknowledge_due_at, now(), 'b' from ticket where reference = '@'
        an unknown deadline step                     | 23514 | insert into deadline_notice (ticket_id, step, due_at, notified_at, instance) select id, 'NAG', now(), now(), 'a' from ticket where reference = '@'
        an SMS of unknown timing                     | 23514 | insert into outbound_message (to_phone, body, timing) values ('+529615550101', 'hola', 'LATER')
        quiet hours with a start and no end          | 23514 | update agency set quiet_hours_start = '21:00', quiet_hours_end = null
        quiet hours that start when they end         | 23514 | update agency set quiet_hours_start = '07:00', quiet_hours_end = '07:00'
        integrity complaints routed to a committee   | 23514 | update routing_rule set route = 'BOTH' where category = 'INTEGRITY'
        a notice about an integrity complaint        | 23514 | insert into community_notice (community_id, category, text, until, created_at, actor_type, channel) select id, 'INTEGRITY', 'aviso', now() + interval '1 day', now(), 'STAFF', 'API' from community where code = '@'
        a notice that ends before it starts          | 23514 | insert into community_notice (community_id, text, until, created_at, actor_type, channel) select id, 'aviso', now() - interval '1 day', now(), 'STAFF', 'API' from community where code = '@'
        two committee notices on one day             | 23505 | insert into community_notice (community_id, text, until, created_at, actor_type, channel, committee_day) select id, 'aviso', now() + interval '1 day', now(), 'COMMITTEE_MEMBER', 'SMS', date '2026-11-23' from community c, generate_series(1, 2) where code = '@'
        one notice to one phone twice                | 23505 | with n as (insert into community_notice (community_id, text, until, created_at, actor_type, channel) select id, 'aviso', now() + interval '1 day', now(), 'STAFF', 'API' from community where code = '@' returning id) insert into notice_recipient (notice_id, phone) select id, '+529615550101' from n, generate_series(1, 2)
        a staff password that is not a bcrypt hash   | 23514 | insert into staff_user (username, display_name, password_hash, role) values ('u@', 'U', 'secret', 'STAFF')
        a short application secret                   | 23514 | insert into app_secret (name, value) values ('s@', 'short')
        """)
    void refuses(String rule, String sqlState, String statement) {
        SQLException refused = assertThrows(SQLException.class, () -> execute(statement.replace("@", code)));
        assertEquals(sqlState, refused.getSQLState(), rule + ": " + refused.getMessage());
    }

    @Test
    void anEndedMembershipFreesThePhoneForANewMember() throws SQLException {
        execute("""
                update committee_membership set ended_at = now() where phone = '+529615550201'
                    and community_id = (select id from community where code = '%1$s');
                insert into committee_membership (community_id, name, phone, role)
                    select id, 'Ana otra vez', '+529615550201', 'PRESIDENT' from community where code = '%1$s';
                """.formatted(code));
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
