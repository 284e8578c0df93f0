package org.hubprice.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Copies the log of a training run into {@code DIR/train.log} while it runs: a Logback file
 * appender added to the root logger programmatically (so the console configuration stays as
 * it is) and removed at the end. The training loggers log at INFO at least while it is
 * attached, so the file always has the run's story even where the console is quieter. When
 * several runs share one JVM (study tasks in one Spark executor), each file takes only the lines
 * logged by the thread that runs its run.
 */
final class RunLog implements AutoCloseable {
    /** Run logs attached now in this JVM. */
    private static final java.util.concurrent.atomic.AtomicInteger ATTACHED = new java.util.concurrent.atomic.AtomicInteger();

    private final FileAppender<ILoggingEvent> appender;
    private final Logger training;
    private final Level previousLevel;

    private RunLog(FileAppender<ILoggingEvent> appender, Logger training, Level previousLevel) {
        this.appender = appender;
        this.training = training;
        this.previousLevel = previousLevel;
    }

    /** Starts appending to {@code file}; a no-op when SLF4J is not bound to Logback. */
    static RunLog attach(Path file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return new RunLog(null, null, null);
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{0} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> app = new FileAppender<>();
        app.setContext(ctx);
        app.setName("hubprice-train-log");
        app.setFile(file.toString());
        app.setAppend(true);
        app.setEncoder(encoder);
        Thread owner = Thread.currentThread();
        app.addFilter(new ch.qos.logback.core.filter.Filter<ILoggingEvent>() {
            @Override
            public ch.qos.logback.core.spi.FilterReply decide(ILoggingEvent e) {
                return ATTACHED.get() > 1 && !owner.getName().equals(e.getThreadName()) ? ch.qos.logback.core.spi.FilterReply.DENY
                        : ch.qos.logback.core.spi.FilterReply.NEUTRAL;
            }
        });
        app.start();
        ATTACHED.incrementAndGet();
        ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(app);
        Logger training = ctx.getLogger("org.hubprice.training");
        Level previous = training.getLevel();
        if (!training.isInfoEnabled()) {
            training.setLevel(Level.INFO);
        }
        return new RunLog(app, training, previous);
    }

    @Override
    public void close() {
        if (appender == null) {
            return;
        }
        LoggerContext ctx = (LoggerContext) appender.getContext();
        ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
        ATTACHED.decrementAndGet();
        training.setLevel(previousLevel);
    }
}
