package org.aguavoz.intake.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import jakarta.inject.Inject;
import org.aguavoz.intake.TwilioWebhook;
import org.junit.jupiter.api.Test;

/**
 * A call that cannot be stored (a trigger refuses this caller's call, as a database that is away refuses every one)
 * is answered with the apology and the invitation to send an SMS, never with an error.
 */
@QuarkusTest
class VoiceOutageTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCallerHearsTheApologyAndIsAskedToSendAnSms() throws SQLException {
        String caller = TwilioWebhook.freshVillager();
        String refuse = "refuse_call_" + caller.substring(1);
        execute("""
                create function %1$s() returns trigger language plpgsql as $$
                begin
                    raise exception 'the database is away (simulated)';
                end $$;
                create trigger %1$s before insert on voice_call
                    for each row when (new.from_phone = '%2$s') execute function %1$s();
                """.formatted(refuse, caller));
        XmlPath twiml;
        try {
            twiml = new TestCall(caller).ring();
        } finally {
            execute("drop trigger %1$s on voice_call; drop function %1$s();".formatted(refuse));
        }
        assertEquals(2, twiml.getList("Response.Say").size(), twiml.prettify());
        assertEquals("Lo sentimos, en este momento no podemos tomar su llamada. Por favor envíe su reporte por mensaje"
                + " de texto a este mismo número. Gracias.", twiml.getString("Response.Say[0]"));
        assertEquals("es-MX", twiml.getString("Response.Say[0].@language"));
        assertEquals("Sorry, we cannot take your call right now. Please send your report by text message to this same"
                + " number. Thank you.", twiml.getString("Response.Say[1]"));
        assertEquals(1, twiml.getList("Response.Hangup").size(), twiml.prettify());
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
