package org.aguavoz.intake.sms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where SMS wait, on disk, while the database cannot take them ({@link SmsSpool}). */
@ConfigMapping(prefix = "aguavoz.spool")
public interface SpoolConfig {

    /**
     * AGUAVOZ_SPOOL_DIR: the spool directory, next to the embedded database's data by default. Instances may share
     * one (a network disk) or have their own; a message is claimed by an atomic rename, so two never take the same
     * file. Created when the first message is spooled.
     */
    @WithDefault("data/spool")
    String dir();
}
