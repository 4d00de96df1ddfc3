package org.lotflow.certificate.internal;

import java.util.logging.Level;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * openhtmltopdf's log, sent to the application's (Spring's logging, under the logger names
 * {@code com.openhtmltopdf.*}) instead of its own console handler: its INFO chatter (fonts loaded, selectors
 * matched, timings, on every document) at DEBUG, its warnings and errors as they are.
 */
final class PdfLibraryLog implements XRLogger {

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        Log log = LogFactory.getLog(where);
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            log.error(msg, th);
        } else if (value >= Level.WARNING.intValue()) {
            log.warn(msg, th);
        } else if (value >= Level.INFO.intValue()) {
            log.debug(msg, th);
        } else {
            log.trace(msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels are the application's logging configuration (logging.level.com.openhtmltopdf...)
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Log log = LogFactory.getLog(diagnostic.getLogMessageId().getWhere());
        int value = diagnostic.getLevel().intValue();
        return value >= Level.WARNING.intValue() ? log.isWarnEnabled()
                : value >= Level.INFO.intValue() ? log.isDebugEnabled() : log.isTraceEnabled();
    }
}
