package org.aguavoz.intake.voice;

/** Stops start-up; the message names the flow file, the step and the problem, on one line. */
public class InvalidFlowException extends RuntimeException {

    public InvalidFlowException(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // the stack trace would bury the one line that matters
    }
}
