package io.syndication.gateway;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/** What one log category (and those below it) publishes while this is open: use in try-with-resources. */
final class CapturedLogs extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();

    private CapturedLogs(Logger logger) {
        this.logger = logger;
        logger.addHandler(this);
    }

    /** "" is every category. */
    static CapturedLogs of(String category) {
        return new CapturedLogs(Logger.getLogger(category));
    }

    /** Each record's message with its parameters filled in. */
    List<String> messages() {
        return records.stream().map(ExtLogRecord::getFormattedMessage).toList();
    }

    /** "category: message" of each record at this level or above. */
    List<String> atLeast(Level level) {
        return records.stream().filter(record -> record.getLevel().intValue() >= level.intValue())
                .map(record -> record.getLoggerName() + ": " + record.getFormattedMessage()).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add((ExtLogRecord) record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
