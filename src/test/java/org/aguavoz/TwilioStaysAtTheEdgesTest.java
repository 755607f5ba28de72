package org.aguavoz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** House rule: the Twilio SDK is used only by intake and the outbox; the domain never sees it. */
class TwilioStaysAtTheEdgesTest {

    private static final Path MAIN = Path.of("src/main/java/org/aguavoz");

    @Test
    void onlyIntakeAndOutboxImportTwilio() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !isEdge(MAIN.relativize(p)))
                    .filter(TwilioStaysAtTheEdgesTest::importsTwilio)
                    .map(Path::toString)
                    .toList();
            assertEquals(List.of(), offenders);
        }
    }

    private static boolean isEdge(Path relative) {
        String first = relative.getName(0).toString();
        return first.equals("intake") || first.equals("outbox");
    }

    private static boolean importsTwilio(Path file) {
        try {
            return Files.readAllLines(file).stream().anyMatch(line -> line.startsWith("import com.twilio."));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
