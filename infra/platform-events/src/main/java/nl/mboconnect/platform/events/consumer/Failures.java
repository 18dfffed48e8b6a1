package nl.mboconnect.platform.events.consumer;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.RetriableException;

import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import nl.mboconnect.platform.domain.Refusal;
import nl.mboconnect.platform.events.PoisonEventException;

/**
 * Which failures of a handler pass by themselves: the database or the broker away or slow, an
 * aggregate busy. Those are waited out, however long, and never dead-lettered; poison goes to the
 * dead-letter topic at once; anything else (a fault in a handler) is retried a few times first.
 */
public final class Failures {

    private Failures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PoisonEventException) {
                return false;
            }
            if (cause instanceof MongoTimeoutException || cause instanceof MongoSocketException
                    || cause instanceof MongoNotPrimaryException || cause instanceof MongoNodeIsRecoveringException
                    || cause instanceof MongoExecutionTimeoutException || cause instanceof RetriableException
                    || cause instanceof ConnectException || cause instanceof TimeoutException) {
                return true;
            }
            if (cause instanceof MongoException mongo && (mongo.hasErrorLabel("RetryableWriteError")
                    || mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL))) {
                return true;
            }
            if (cause instanceof Refusal refusal && refusal.kind() == Refusal.Kind.UNAVAILABLE) {
                return true;
            }
        }
        return false;
    }
}
