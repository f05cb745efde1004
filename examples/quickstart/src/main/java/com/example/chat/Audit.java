package com.example.chat;

import java.util.logging.Logger;

public class Audit {
    private static final Logger LOG = Logger.getLogger(Audit.class.getName());

    public void log(User user, String text) {
        LOG.fine(() -> user.name() + " sent " + text.length() + " characters");
    }
}
