package org.aguavoz.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Optional;

import org.aguavoz.tickets.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CategoryDetectorTest {

    private static final CategoryDetector DETECTOR = CategoryDetector.load();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        101 sin agua                                                  | OUTAGE
        los angeles no hay awa desde el lunes                         | OUTAGE
        SIN AGUAAAA!!!                                                | OUTAGE
        no ay agua en el barrio centro                                | OUTAGE
        buenas tardes, desde el sabado no llega el agua a la colonia  | OUTAGE
        Ya son 3 dias q no cae agua en Nuevo Refugio                  | OUTAGE
        se fue el agua desde ayer                                     | OUTAGE
        la llave esta seca                                            | OUTAGE
        Efraín A. Gutiérrez sin servicio                              | OUTAGE
        nohay agua                                                    | OUTAGE
        n ay awa x 2 dias                                             | OUTAGE
        necesitamos una pipa urgente                                  | OUTAGE
        se acabo el agua del tanque                                   | OUTAGE
        tenemos una semana sin agüita                                 | OUTAGE
        NO HAY AGUA EN SAN JOSE LAS FLORES DESDE HACE 5 DIAS          | OUTAGE
        aki en la colonia no sale nada d la llave                     | OUTAGE
        sin agua xq se rompio el tubo                                 | OUTAGE
        fuga y ya no hay agua                                         | OUTAGE
        nos falta agua desde la semana pasada, 205                    | OUTAGE
        muy poca agua en el tanque de arriba                          | OUTAGE
        el agua sale muy sucia                                        | QUALITY
        AGUA TURBIA EN EL SABINO                                      | QUALITY
        el agua huele mal y sabe feo                                  | QUALITY
        sale con lodo la llave                                        | QUALITY
        agua amarilla desde el martes                                 | QUALITY
        viene color cafe el agua                                      | QUALITY
        los niños se enfermaron de diarrea x el agua                  | QUALITY
        el agua guele feo                                             | QUALITY
        sin agua y la poca q llega viene sucia                        | QUALITY
        Agua con gusanos!!                                            | QUALITY
        el agua sabe a cloro                                          | QUALITY
        sale el agua bien chuca                                       | QUALITY
        hay fuga en la calle principal                                | LEAK
        se rompio el tubo frente a la escuela                         | LEAK
        tubo roto en el camino a la comunidad 205                     | LEAK
        se esta tirando el agua desde anoche                          | LEAK
        la llave esta goteando                                        | LEAK
        se revento la manguera                                        | LEAK
        se rompio el tuvo                                             | LEAK
        la bomba se quemo                                             | LEAK
        FUGAAA en la valvula de la entrada                            | LEAK
        me cobraron doble este mes                                    | BILLING
        la cuota esta muy cara                                        | BILLING
        no me dieron recibo del pago                                  | BILLING
        subieron la cuota sin avisar en la asamblea                   | BILLING
        cuanto es la cuota de este mes                                | BILLING
        ya pague y me siguen cobrando                                 | BILLING
        el tesorero se queda con las cuotas                           | INTEGRITY
        CORRUPCION EN EL COMITE                                       | INTEGRITY
        se roban el dinero del agua                                   | INTEGRITY
        mal uso del dinero de la cooperacion                          | INTEGRITY
        el presidente da la toma nueva solo a sus compadres           | INTEGRITY
        pidio mordida para conectar mi casa                           | INTEGRITY
        no hay agua y el comite se roba la cuota                      | INTEGRITY
        a donde va el dinero de las cuotas?? no hay agua              | INTEGRITY
        cobran la cuota sin recibo                                    | INTEGRITY
        q hacen con el dinero??                                       | INTEGRITY
        tengo una pregunta sobre la asamblea                          | OTHER
        cuando es la reunion del comite                               | OTHER
        quiero una toma nueva                                         | OTHER
        hola buenas tardes                                            | NONE
        gracias                                                       | NONE
        101                                                           | NONE
        agua                                                          | NONE
        q paso con mi reporte                                         | NONE
        ya hay agua gracias                                           | NONE
        ya no hay fuga, ya la arreglaron                              | NONE
        el agua ya no sale sucia                                      | NONE
        no water since monday in kiambu                               | OUTAGE
        Taps are dry in Gatundu for 3 days                            | OUTAGE
        hakuna maji tangu jana                                        | OUTAGE
        NO WTR 4 2 DAYS                                               | OUTAGE
        pls help no water in our village                              | OUTAGE
        water is brown                                                | QUALITY
        the water smells bad and children are sick                    | QUALITY
        maji machafu                                                  | QUALITY
        dirty water plus no water                                     | QUALITY
        burst pipe near the school                                    | LEAK
        pipe broken at the kiosk, water wasting                       | LEAK
        leaking tap at my home                                        | LEAK
        they overcharged my bill this month                           | BILLING
        the fee is too high                                           | BILLING
        the chairman took a bribe for new connections                 | INTEGRITY
        committee members stealing our money                          | INTEGRITY
        corruption in the water committee                             | INTEGRITY
        i have a question about the meeting                           | OTHER
        hello                                                         | NONE
        water is back thank you                                       | NONE
        """)
    void detectsCategoryOfVillagerMessages(String sms, String expected) {
        Optional<Category> detected = DETECTOR.detect(sms);
        assertEquals(expected, detected.map(Category::name).orElse("NONE"));
    }

    // Issue 17: what people type on basic phones, and the guards that keep a guess from going wrong.
    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        no biene el awa                                               | OUTAGE
        nobino el agua                                                | OUTAGE
        noaiawa                                                       | OUTAGE
        x2dias sin agua                                               | OUTAGE
        tres dias sin awa                                             | OUTAGE
        xfa manden agua q no tenemos                                  | OUTAGE
        se corto el agua                                              | OUTAGE
        no cae nada en la toma                                        | OUTAGE
        no sube el agua al tinaco                                     | OUTAGE
        se seco el ojo de agua                                        | OUTAGE
        el agua sale susia                                            | QUALITY
        agua contaminda                                               | QUALITY
        no hay fuga, hay agua sucia                                   | QUALITY
        se tira el agua en la llave de paso                           | LEAK
        la bomba se descompuso                                        | LEAK
        el tubo de la esquina                                         | LEAK
        el tubo no da agua                                            | OUTAGE
        me kieren cobrar d mas                                        | BILLING
        el presidente solo da agua a sus familiares                   | INTEGRITY
        me pidieron dinero para conectarme                            | INTEGRITY
        me pidieron favores para conectar el agua                     | INTEGRITY
        el tesorero se fue con el dinero                              | INTEGRITY
        el socio del comite                                           | NONE
        ya no hay fuga gracias                                        | NONE
        """)
    void understandsKeypadSpanish(String sms, String expected) {
        Optional<Category> detected = DETECTOR.detect(sms);
        assertEquals(expected, detected.map(Category::name).orElse("NONE"));
    }

    @Test
    void namesFileAndLineOfMalformedResource() {
        IllegalStateException problem = assertThrows(IllegalStateException.class,
                () -> CategoryDetector.load("intake/keywords_broken.txt"));
        assertEquals("intake/keywords_broken.txt line 4: unknown category 'outgae'; expected outage, quality, leak,"
                + " billing, integrity, other, ignore or 'spelling WORD'", problem.getMessage());
    }

    // Lines are separated by " / " so that a row can hold a small file; messages are compared by their start.
    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        sin agua, no hay agua                  | t.txt line 1: expected 'category: phrase, phrase, ...'
        '# comment / outgae: sin agua'         | t.txt line 2: unknown category 'outgae'
        outage: sin agua,, seco                | t.txt line 1: empty phrase
        outage: sin agua,                      | t.txt line 1: empty phrase
        outage: sin agua, ¿?                   | t.txt line 1: phrase '¿?' has no letters or digits
        outage: sin agua / # / leak: SIN AGUA  | t.txt line 3: phrase 'sin agua' is already listed for outage (t.txt
        ignore: ya hay agua / outage: YA HAY AGUA | t.txt line 2: phrase 'ya hay agua' is already listed for ignore
        spelling: q                            | t.txt line 1: 'spelling' needs the word it spells
        spelling que: q k                      | t.txt line 1: spelling 'q k' must be one word
        spelling que: que                      | t.txt line 1: spelling 'que' is the word itself
        spelling que: q / spelling quien: q    | t.txt line 2: 'q' is already a spelling of 'que' (t.txt line 1)
        spelling q: kk / spelling que: q       | t.txt line 1: 'q' is itself a spelling of 'que' (t.txt line 2)
        outage: se* agua                       | t.txt line 1: stem 'se*' in 'se* agua' needs at least 3 letters
        outage: ... agua                       | t.txt line 1: phrase '... agua' starts with '...'
        outage: no llega ...                   | t.txt line 1: phrase 'no llega ...' ends with '...'
        skip: el / outage: el                  | t.txt line 2: phrase 'el' has only words that are skipped
        skip: el agua                          | t.txt line 1: skip 'el agua' must be one word
        guess ignore: ya hay agua              | t.txt line 1: 'guess' needs a category
        outage: no hay agua / leak: NO AY AWA  | t.txt line 2: phrase 'no ay awa' is already listed for outage
        """)
    void rejectsMalformedLines(String lines, String expectedStart) {
        StringReader file = new StringReader(lines.replace(" / ", "\n"));
        IllegalStateException problem = assertThrows(IllegalStateException.class,
                () -> CategoryDetector.parse("t.txt", file));
        assertTrue(problem.getMessage().startsWith(expectedStart), problem.getMessage());
    }

    @Test
    void spellingsApplyToPhrasesWrittenBeforeThem() {
        CategoryDetector detector = CategoryDetector.parse("t.txt",
                new StringReader("outage: no hay agua\nspelling agua: awa\nspelling hay: ay\n"));
        assertEquals(Optional.of(Category.OUTAGE), detector.detect("NO AY AWAAA"));
    }
}
