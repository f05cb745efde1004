package org.wsdepends.internal;

/**
 * What the connection does about an exception, as the {@link ExceptionDispatcher} decided. The
 * connection executes it; on a close, the connection's cleanup runs first (FastAPI's order on error
 * paths).
 */
sealed interface Outcome {

    /** A user's handler took care of it. */
    Outcome HANDLED = new Handled();

    /** Send a text frame, keep the connection open. */
    record Frame(String text) implements Outcome {
    }

    /** Send a text frame, then close. */
    record FrameThenClose(String text, int code, String reason) implements Outcome {
    }

    /** Close, with a reason of at most 123 UTF-8 bytes. */
    record Close(int code, String reason) implements Outcome {
    }

    /** Nothing left to do. */
    record Handled() implements Outcome {
    }
}
