package org.yousaid.shared;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Micronaut's own handlers (bad JSON, unknown routes, body too large, failed validation, …) all
 * end here; this turns each into a problem document with a stable code.
 *
 * <p>Framework messages are never echoed: a JSON parser's message can quote what a family wrote.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class FrameworkErrorProcessor implements ErrorResponseProcessor<Problem> {

    private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("Unknown property \\[([^\\]]{1,64})]");

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        Throwable cause = context.getRootCause().orElse(null);
        Map<String, String> errors = new LinkedHashMap<>();
        ProblemCode problem;
        String detail;
        if (status.getCode() >= 500) {
            problem = status == HttpStatus.SERVICE_UNAVAILABLE ? RequestProblem.UNAVAILABLE : RequestProblem.INTERNAL;
            detail = "Something went wrong on our side. Nothing you sent was lost; please try again later.";
        } else if (status == HttpStatus.BAD_REQUEST) {
            Classified c = classifyBadRequest(cause, context, errors);
            problem = c.problem();
            detail = c.detail();
        } else {
            problem = switch (status) {
                case NOT_FOUND -> RequestProblem.NOT_FOUND;
                case METHOD_NOT_ALLOWED -> RequestProblem.METHOD_NOT_ALLOWED;
                case NOT_ACCEPTABLE -> RequestProblem.NOT_ACCEPTABLE;
                case REQUEST_ENTITY_TOO_LARGE -> RequestProblem.TOO_LARGE;
                case REQUEST_URI_TOO_LONG -> RequestProblem.URI_TOO_LONG;
                case REQUEST_HEADER_FIELDS_TOO_LARGE -> RequestProblem.HEADERS_TOO_LARGE;
                case UNSUPPORTED_MEDIA_TYPE -> RequestProblem.UNSUPPORTED_MEDIA_TYPE;
                case CONFLICT -> RequestProblem.CONFLICT;
                default -> RequestProblem.INVALID;
            };
            detail = switch (status) {
                case NOT_FOUND -> "There is nothing at " + context.getRequest().getPath() + ".";
                case METHOD_NOT_ALLOWED -> "This address does not accept " + context.getRequest().getMethodName() + ".";
                case REQUEST_ENTITY_TOO_LARGE -> "The request body is larger than the server accepts.";
                case REQUEST_URI_TOO_LONG -> "The address is longer than the server accepts.";
                case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's headers are larger than the server accepts.";
                case UNSUPPORTED_MEDIA_TYPE -> "Send the request body as application/json.";
                case NOT_ACCEPTABLE -> "This endpoint answers with application/json.";
                default -> status.getReason();
            };
        }
        return ProblemResponses.withRetryAfter(response).contentType(ProblemResponses.PROBLEM_JSON)
                .body(Problem.of(problem, detail, errors));
    }

    private record Classified(ProblemCode problem, String detail) {
    }

    private static Classified classifyBadRequest(Throwable cause, ErrorContext context, Map<String, String> errors) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            Matcher unknown = UNKNOWN_PROPERTY.matcher(message);
            if (unknown.find()) {
                errors.put(unknown.group(1), "not a known field");
                return new Classified(RequestProblem.UNKNOWN_FIELD, "The field '" + unknown.group(1) + "' is not part of this request.");
            }
            if (t instanceof ConstraintViolationException violations) {
                violations.getConstraintViolations().forEach(v -> errors.put(lastNode(v.getPropertyPath()), v.getMessage()));
                return new Classified(RequestProblem.INVALID, "Some fields are not valid.");
            }
            if (t instanceof io.micronaut.web.router.exceptions.UnsatisfiedRouteException route) {
                String name = route.getArgument().getName();
                errors.put(name, "required");
                return new Classified(RequestProblem.MISSING_PARAMETER, "The parameter '" + name + "' is required.");
            }
            if (t instanceof UnsatisfiedArgumentException u) {
                String name = u.getArgument().getName();
                if (u.getArgument().getAnnotationMetadata().hasAnnotation(io.micronaut.http.annotation.Body.class)) {
                    return new Classified(RequestProblem.INVALID, "A JSON request body is required.");
                }
                errors.put(name, "required");
                return new Classified(RequestProblem.MISSING_PARAMETER, "The parameter '" + name + "' is required.");
            }
            if (isJsonSyntax(t)) {
                return new Classified(RequestProblem.MALFORMED_JSON, "The request body is not well-formed JSON.");
            }
            if (t instanceof ConversionErrorException c) {
                String name = c.getArgument().getName();
                if (c.getArgument().getAnnotationMetadata().hasAnnotation(io.micronaut.http.annotation.Body.class)) {
                    return new Classified(RequestProblem.MALFORMED_JSON, "The request body does not match the expected JSON shape.");
                }
                errors.put(name, "not a valid value");
                return new Classified(RequestProblem.INVALID_PARAMETER, "The parameter '" + name + "' is not valid.");
            }
        }
        // Not necessarily the body: a header the server cannot parse ends here too.
        return new Classified(RequestProblem.MALFORMED, "The request could not be read (its headers or its body).");
    }

    private static String lastNode(jakarta.validation.Path path) {
        String name = "request";
        for (jakarta.validation.Path.Node node : path) {
            if (node.getName() != null) {
                name = node.getName();
            }
        }
        return name;
    }

    private static boolean isJsonSyntax(Throwable t) {
        String name = t.getClass().getName();
        return name.endsWith("JsonSyntaxException") || name.endsWith("JsonParseException")
                || name.endsWith("JsonEOFException") || name.startsWith("io.micronaut.serde.exceptions")
                || name.endsWith("CodecException") || name.endsWith("MismatchedInputException");
    }
}
