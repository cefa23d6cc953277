package org.ipop.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonException;
import java.util.List;
import org.ipop.kernel.Conflict;
import org.ipop.kernel.FieldError;
import org.ipop.kernel.Forbidden;
import org.ipop.kernel.NoTenantSelected;
import org.ipop.kernel.NotFound;
import org.ipop.kernel.ValidationFailed;
import org.junit.jupiter.api.Test;

class ProblemMappingTest {

    @Test
    void domain_failures_keep_their_meaning() {
        assertEquals(404, map(new NotFound("audit entry", "x")).status());
        assertEquals(409, map(new Conflict("exists")).status());
        Problem forbidden = map(new Forbidden("not a member of 武汉大学"));
        assertEquals(403, forbidden.status());
        assertEquals("not a member of 武汉大学", forbidden.detail());
        Problem noTenant = map(new NoTenantSelected());
        assertEquals(403, noTenant.status());
        assertEquals("urn:ipop:problem:no-tenant", noTenant.type());
    }

    @Test
    void validation_failures_carry_every_field() {
        Problem problem = map(new ValidationFailed("bad", List.of(new FieldError("regionCode", "1", "unknown"),
                new FieldError("kind", null, "is required"))));
        assertEquals(400, problem.status());
        assertEquals(List.of("regionCode", "kind"), problem.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void http_statuses_get_their_own_types() {
        assertEquals("urn:ipop:problem:unauthenticated", ProblemMapping.forStatus(401).type());
        assertEquals("urn:ipop:problem:forbidden", ProblemMapping.forStatus(403).type());
        assertEquals("urn:ipop:problem:method-not-allowed", ProblemMapping.forStatus(405).type());
        assertEquals("urn:ipop:problem:unsupported-media-type", ProblemMapping.forStatus(415).type());
        assertEquals(503, ProblemMapping.forStatus(503).status());
    }

    @Test
    void a_body_that_is_not_json_is_named_as_such() {
        // Wrapped in a BadRequestException by the runtime, which the integration tests cover.
        assertEquals("urn:ipop:problem:malformed-json", map(new JsonException("Unexpected end of input")).type());
    }

    @Test
    void unexpected_failures_reveal_nothing_but_an_incident_id() {
        Problem problem = ProblemMapping.toProblem(
                new IllegalStateException("password=secret at org.ipop.Internal"), "abc12345");
        assertEquals(500, problem.status());
        assertFalse(problem.detail().contains("secret"));
        assertFalse(problem.detail().contains("IllegalStateException"));
        assertEquals("An unexpected error occurred. Quote incident abc12345 to the operators.", problem.detail());
    }

    private static Problem map(Throwable failure) {
        return ProblemMapping.toProblem(failure, "incident");
    }
}
