package org.wsdepends.examples.chat;

/** A message the chat did not deliver; the sender is told why and stays connected ({@link MessageRefusedHandler}). */
public class MessageRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param reason a sentence for the user */
    public MessageRefused(String reason) {
        super(reason, null, false, false);
    }
}
