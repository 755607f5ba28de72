package org.aguavoz.open311;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What civic tools show of AguaVoz's categories (Open311 "services"). Spanish here, English in
 * messages/open311_en.properties. No text may quote a report: these are the labels shown instead of descriptions.
 */
@MessageBundle(value = "open311", locale = "es")
public interface Open311Texts {

    @Message("agua")
    String group();

    @Message("Sin agua")
    String outageName();

    @Message("No llega agua a la llave o a la toma de la comunidad.")
    String outageDescription();

    @Message("sin agua, no hay agua, no llega el agua, corte, tandeo")
    String outageKeywords();

    @Message("Agua sucia")
    String qualityName();

    @Message("El agua llega turbia, con color, con mal olor o mal sabor.")
    String qualityDescription();

    @Message("agua sucia, turbia, lodo, mal olor, mal sabor, calidad del agua")
    String qualityKeywords();

    @Message("Fuga")
    String leakName();

    @Message("Una fuga o un daño en tuberías, válvulas, tanques o tomas.")
    String leakDescription();

    @Message("fuga, tubo roto, válvula, tanque, daño")
    String leakKeywords();

    @Message("Cobro")
    String billingName();

    @Message("Un cobro, una cuota o un recibo que parece injusto o equivocado.")
    String billingDescription();

    @Message("cobro, cuota, recibo, tarifa, multa")
    String billingKeywords();

    @Message("Corrupción")
    String integrityName();

    @Message("Mal uso del dinero del sistema de agua, sobornos o favoritismo. Va al organismo, nunca al comité.")
    String integrityDescription();

    @Message("corrupción, mal uso del dinero, soborno, favoritismo, integridad")
    String integrityKeywords();

    @Message("Otro")
    String otherName();

    @Message("Cualquier otro problema con el servicio de agua de la comunidad.")
    String otherDescription();

    @Message("otro, queja, sugerencia")
    String otherKeywords();
}
