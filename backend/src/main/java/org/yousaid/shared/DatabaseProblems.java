package org.yousaid.shared;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.transaction.exceptions.TransactionException;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place PostgreSQL's SQLSTATEs become problems, so a constraint that catches a race shows
 * the client a 409 or a "try again", never a 500, and a database out of reach shows a 503 with
 * Retry-After ("nothing stored, send it again with the same key"), never a 500.
 */
@Singleton
final class DatabaseProblems implements ExceptionHandler<DataAccessException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseProblems.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, DataAccessException exception) {
        return render(request, exception, problemFor(sqlState(exception)));
    }

    /**
     * No connection to be had (the database is down or the pool timed out waiting): thrown by the
     * connection layer before any statement, so it is not a DataAccessException.
     */
    @Singleton
    static final class NoConnection implements ExceptionHandler<CannotGetJdbcConnectionException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, CannotGetJdbcConnectionException exception) {
            return render(request, exception, RequestProblem.UNAVAILABLE);
        }
    }

    /** The same from the connection layer that is not JDBC-specific. */
    @Singleton
    static final class ConnectionLost implements ExceptionHandler<ConnectionException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ConnectionException exception) {
            return render(request, exception, RequestProblem.UNAVAILABLE);
        }
    }

    /**
     * A commit or rollback that failed: the database went away mid-transaction (08xxx) or refused
     * the commit; anything without a SQLSTATE behind it is our fault, not an outage.
     */
    @Singleton
    static final class TransactionFailed implements ExceptionHandler<TransactionException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, TransactionException exception) {
            return render(request, exception, hasSqlCause(exception) ? problemFor(sqlState(exception)) : RequestProblem.INTERNAL);
        }
    }

    private static HttpResponse<Problem> render(HttpRequest<?> request, Exception exception, ProblemCode problem) {
        String state = sqlState(exception);
        if (problem == RequestProblem.UNAVAILABLE) {
            DatabaseReadiness.lookAgain();
            // An outage fails every request alike: one line each, not a stack trace each.
            LOG.warn("database unavailable ({}) on {} {}: {}", state, request.getMethodName(), request.getPath(),
                    exception.getClass().getSimpleName());
        } else if (problem.status().getCode() >= 500) {
            LOG.error("database error {} on {} {}", state, request.getMethodName(), request.getPath(), exception);
        } else {
            LOG.info("database refused {} on {} {}", state, request.getMethodName(), request.getPath());
        }
        return ProblemResponses.of(problem, switch (problem) {
            case RequestProblem.CONFLICT -> "This conflicts with something already recorded.";
            case RequestProblem.RETRY -> "Another change got there first. Please try again.";
            case RequestProblem.INVALID -> "A value is not valid.";
            case RequestProblem.UNAVAILABLE -> "The database is not available right now; please try again in a few seconds."
                    + " A write sent again with the same Idempotency-Key is stored once.";
            // Not an outage, so no invitation to retry: the same request would fail the same way.
            default -> "Something went wrong on our side; we have logged it.";
        });
    }

    static ProblemCode problemFor(String state) {
        if (state == null) {
            // No SQLSTATE: the driver could not reach the server (a closed pool, a timeout getting a connection).
            return RequestProblem.UNAVAILABLE;
        }
        return switch (state) {
            case "23505", "23503", "23P01" -> RequestProblem.CONFLICT;
            case "40001", "40P01", "55P03" -> RequestProblem.RETRY;
            case "23514", "23502" -> RequestProblem.INVALID;
            default -> {
                if (state.startsWith("22")) {
                    // Data exceptions (a value too long, a date out of range, text PostgreSQL cannot hold): the input.
                    yield RequestProblem.INVALID;
                }
                yield state.startsWith("08") || state.startsWith("57") || state.startsWith("53")
                        ? RequestProblem.UNAVAILABLE : RequestProblem.INTERNAL;
            }
        };
    }

    static boolean hasSqlCause(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    static String sqlState(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
