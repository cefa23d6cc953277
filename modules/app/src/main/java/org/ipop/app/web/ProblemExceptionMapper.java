package org.ipop.app.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every exception that reaches JAX-RS leaves as problem details; unexpected ones are logged with an incident id. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        String incident = ProblemMapping.newIncidentId();
        Problem problem = ProblemMapping.toProblem(failure, incident);
        if (problem.status() >= 500) {
            LOG.log(Level.SEVERE, "Incident " + incident, failure);
        } else if (!(failure instanceof WebApplicationException)) {
            LOG.fine(() -> "Refused: " + failure.getMessage());
        }
        return ProblemJson.response(problem);
    }
}
