package org.aguavoz.api;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure of an API request into a problem response. Bad input is a 4xx naming the field; a
 * race that the database settles (two requests creating the same code) is a 409, never a 500.
 */
class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    Response apiProblem(ApiProblem e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(Problem.invalid(errors));
    }

    @ServerExceptionMapper
    Response unreadableJson(MismatchedInputException e) {
        return respond(Problem.invalid(List.of(new Problem.FieldError(jsonPath(e),
                e instanceof InvalidFormatException ? "has the wrong type or format" : "is missing or of the wrong type"))));
    }

    @ServerExceptionMapper
    Response malformedJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return respond(Problem.invalid(List.of(new Problem.FieldError(jsonPath(mapping), "could not be read"))));
        }
        return respond(Problem.of(400, "Malformed JSON", "the request body is not valid JSON"));
    }

    @ServerExceptionMapper
    Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(Problem.of(status, title, status >= 500 ? "internal error" : e.getMessage()));
    }

    /** The database is the last judge of what must hold; its refusals are the client's fault, not ours. */
    @ServerExceptionMapper
    Response refusedByDatabase(org.hibernate.exception.ConstraintViolationException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("23505")) {
            return respond(Problem.of(409, "Conflict", "already exists (" + e.getConstraintName() + ")"));
        }
        LOG.warnf("Database refused a request: %s", e.getConstraintName());
        return respond(Problem.of(400, "Invalid request", "refused by constraint " + e.getConstraintName()));
    }

    @ServerExceptionMapper
    Response unexpected(RuntimeException e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
                return refusedByDatabase(violation);
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return respond(Problem.of(400, "Invalid request", "a value is out of range or badly formed"));
            }
            cause = cause.getCause();
        }
        LOG.error("Unexpected error in an API request", e);
        return respond(Problem.of(500, "Internal error", "the request failed; it has been logged"));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** "create.request.code" → "code": the client knows its JSON fields, not our Java method names. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String last = null;
        StringBuilder field = new StringBuilder();
        boolean inBody = false;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD -> { }
                case PARAMETER -> {
                    inBody = false;
                    last = node.getName();
                }
                case PROPERTY, CONTAINER_ELEMENT -> {
                    inBody = true;
                    if (node.getName() != null && !node.getName().startsWith("<")) {
                        if (!field.isEmpty()) {
                            field.append('.');
                        }
                        field.append(node.getName());
                    }
                    if (node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                }
                default -> { }
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return inBody || last == null ? "body" : last;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
