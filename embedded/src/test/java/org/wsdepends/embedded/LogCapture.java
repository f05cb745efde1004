package org.wsdepends.embedded;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What the server logged while it was open, from every logger, at every level wsdepends' logger allows. */
final class LogCapture implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Logger wsdepends = Logger.getLogger("org.wsdepends");
    private final Level wsdependsLevel = wsdepends.getLevel();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** Starts capturing, with wsdepends' DEBUG lines (FINE in java.util.logging). */
    LogCapture() {
        handler.setLevel(Level.ALL);
        wsdepends.setLevel(Level.FINE);
        root.addHandler(handler);
    }

    /** @return the records at {@code level} or above */
    List<LogRecord> atLeast(Level level) {
        return records.stream().filter(record -> record.getLevel().intValue() >= level.intValue()).toList();
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        wsdepends.setLevel(wsdependsLevel);
    }
}
