package org.aguavoz.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "aguavoz.demo")
public interface DemoConfig {

    /**
     * Load the Berriozabal demo (communities, committees, tickets, staff users) on the first start on an empty
     * database. On in the demo profile; off otherwise, so a real agency's database never gets fake tickets.
     */
    @WithDefault("false")
    boolean data();
}
