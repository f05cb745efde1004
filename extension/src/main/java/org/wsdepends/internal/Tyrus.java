package org.wsdepends.internal;

/**
 * Tells Tyrus (the embedded runtime, Payara, GlassFish) from the other containers where their behaviour differs in
 * ways the Jakarta WebSocket API leaves open.
 */
final class Tyrus {

    private Tyrus() {
    }

    /**
     * @param part a container's {@code ServerContainer} or {@code Session}
     * @return whether Tyrus implements it
     */
    static boolean implemented(Object part) {
        return part.getClass().getName().startsWith("org.glassfish.tyrus.");
    }
}
