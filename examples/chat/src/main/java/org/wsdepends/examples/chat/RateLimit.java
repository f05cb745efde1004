package org.wsdepends.examples.chat;

/** Made for each message: proof that the message was within the connection's budget. */
public record RateLimit(long checkedAt) {
}
