package org.aguavoz.config;

/** Stops start-up; its message is the one line an operator needs: the setting and what is wrong with it. */
public class InvalidSettingException extends RuntimeException {

    public InvalidSettingException(String setting, String problem) {
        super(setting + " " + problem);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // the stack trace would bury the one line that matters
    }
}
