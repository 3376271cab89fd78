package org.yousaid.shared;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place PostgreSQL's SQLSTATEs become problems, so a constraint that catches a race shows
 * the client a 409 or a "try again", never a 500.
 */
@Singleton
final class DatabaseProblems implements ExceptionHandler<DataAccessException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseProblems.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, DataAccessException exception) {
        String state = sqlState(exception);
        ProblemCode problem = problemFor(state);
        if (problem.status().getCode() >= 500) {
            LOG.error("database error {} on {} {}", state, request.getMethodName(), request.getPath(), exception);
        } else {
            LOG.info("database refused {} on {} {}", state, request.getMethodName(), request.getPath());
        }
        return ProblemResponses.of(problem, switch (problem) {
            case RequestProblem.CONFLICT -> "This conflicts with something already recorded.";
            case RequestProblem.RETRY -> "Another change got there first. Please try again.";
            case RequestProblem.INVALID -> "A value is not valid.";
            default -> "The database is not available. Nothing you sent was lost; please try again later.";
        });
    }

    static ProblemCode problemFor(String state) {
        if (state == null) {
            return RequestProblem.UNAVAILABLE;
        }
        return switch (state) {
            case "23505", "23503", "23P01" -> RequestProblem.CONFLICT;
            case "40001", "40P01", "55P03" -> RequestProblem.RETRY;
            case "22001", "22P02", "23514", "23502" -> RequestProblem.INVALID;
            default -> state.startsWith("08") || state.startsWith("57") ? RequestProblem.UNAVAILABLE : RequestProblem.INTERNAL;
        };
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
