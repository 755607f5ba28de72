package org.aguavoz.config;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aguavoz.PackagedApp;
import org.junit.jupiter.api.Test;

/**
 * A production start with a missing or malformed setting stops, and says which setting in a line of its own:
 * an operator reading {@code journalctl} must not have to dig through a stack trace.
 */
class SettingsValidationIT {

    private static final String ADMIN_PASSWORD = "a-long-enough-password";

    @Test
    void refusesToStartWithoutAnAdminPassword() {
        refusesToStart("without-admin-password", Map.of(), "aguavoz.admin.password");
    }

    @Test
    void refusesAMalformedAccountSid() {
        refusesToStart("malformed-account-sid",
                PackagedApp.env("AGUAVOZ_ADMIN_PASSWORD", ADMIN_PASSWORD, "TWILIO_ACCOUNT_SID", "nonsense"),
                "twilio.account-sid");
    }

    @Test
    void refusesAnAccountSidWithoutItsAuthToken() {
        refusesToStart("account-sid-without-token",
                PackagedApp.env("AGUAVOZ_ADMIN_PASSWORD", ADMIN_PASSWORD, "TWILIO_ACCOUNT_SID", "AC" + "a".repeat(32)),
                // the startup warning about absent credentials also names TWILIO_AUTH_TOKEN; this is the refusal
                "TWILIO_AUTH_TOKEN is missing");
    }

    @Test
    void refusesQuietHoursItCannotRead() {
        refusesToStart("malformed-quiet-hours",
                PackagedApp.env("AGUAVOZ_ADMIN_PASSWORD", ADMIN_PASSWORD, "AGUAVOZ_QUIET_HOURS", "9pm-7am"),
                "aguavoz.quiet-hours must be HH:MM-HH:MM");
    }

    @Test
    void refusesQuietHoursThatAreNoTimeOfDay() {
        refusesToStart("impossible-quiet-hours",
                PackagedApp.env("AGUAVOZ_ADMIN_PASSWORD", ADMIN_PASSWORD, "AGUAVOZ_QUIET_HOURS", "21:00-25:00"),
                "AGUAVOZ_QUIET_HOURS (aguavoz.quiet-hours) is wrong: \"21:00-25:00\" has an impossible time of day");
    }

    @Test
    void refusesATrustedProxyGivenByName() {
        refusesToStart("malformed-trusted-proxies",
                PackagedApp.env("AGUAVOZ_ADMIN_PASSWORD", ADMIN_PASSWORD,
                        "AGUAVOZ_TRUSTED_PROXIES", "10.0.0.5,proxy.example"),
                "AGUAVOZ_TRUSTED_PROXIES (aguavoz.trusted-proxies) is wrong: \"proxy.example\" is not an IP address or"
                        + " CIDR range; list the proxies' addresses or CIDR ranges, comma-separated, e.g."
                        + " 10.0.0.5,172.16.0.0/12 (host names are not looked up)");
    }

    @Test
    void refusesABrokenVoiceFlowNamingFileStepAndProblem() throws java.io.IOException {
        java.nio.file.Path flows = PackagedApp.freshDirectory("SettingsValidationIT", "broken-flows");
        String flow = java.nio.file.Files.readString(java.nio.file.Path.of("ivr-flows/default.json"))
                .replace("{\"digit\": \"4\", \"category\": \"billing\", \"next\": \"record\"}",
                        "{\"digit\": \"3\", \"category\": \"billing\", \"next\": \"record\"}");
        java.nio.file.Files.writeString(flows.resolve("default.json"), flow);
        refusesToStart("broken-flow",
                PackagedApp.env("AGUAVOZ_ADMIN_PASSWORD", ADMIN_PASSWORD, "AGUAVOZ_VOICE_FLOWS_DIR", flows.toString()),
                flows + "/default.json: step 'category': digit 3 is used twice");
    }

    @Test
    void refusesAVoiceFlowThatDoesNotExist() {
        refusesToStart("unknown-flow",
                PackagedApp.env("AGUAVOZ_ADMIN_PASSWORD", ADMIN_PASSWORD, "AGUAVOZ_VOICE_FLOW", "tzeltal"),
                "AGUAVOZ_VOICE_FLOW (aguavoz.voice.flow): no flow 'tzeltal' in ivr-flows (packaged) (found: default, tzotzil-example)");
    }

    /** Starts the prod profile (no -Dquarkus.profile) with exactly {@code env} as its AguaVoz/Twilio settings. */
    private static void refusesToStart(String name, Map<String, String> env, String expected) {
        List<String> output;
        int exitCode;
        try (PackagedApp app = PackagedApp.startEmbedded(PackagedApp.freshDirectory("SettingsValidationIT", name),
                List.of(), env)) {
            exitCode = app.awaitExit(Duration.ofSeconds(60));
            output = app.outputLines();
        }
        Optional<String> line = output.stream().filter(l -> l.contains(expected)).findFirst();
        assertNotEquals(0, exitCode, "exit code with " + env.keySet());
        assertTrue(line.isPresent(), "no line names " + expected + ":\n" + String.join("\n", output));
        System.out.printf("SettingsValidationIT %s: exit %d, %d lines of output, line %d of them: %s%n", name,
                exitCode, output.size(), output.indexOf(line.get()) + 1, line.get().strip());
    }
}
