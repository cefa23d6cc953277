package org.ipop.app.web;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import java.util.UUID;
import org.ipop.kernel.Conflict;
import org.ipop.kernel.Forbidden;
import org.ipop.kernel.NoTenantSelected;
import org.ipop.kernel.NotFound;
import org.ipop.kernel.ValidationFailed;

/**
 * Which problem an exception becomes. Pure, so the mapping is unit tested; the exception mapper only writes it.
 * Unexpected exceptions become a 500 that names an incident id (also logged with the stack trace) and nothing
 * else: no class names, no stack traces, no messages that may carry internals.
 */
public final class ProblemMapping {

    private ProblemMapping() {
    }

    public static Problem toProblem(Throwable failure, String incidentId) {
        return switch (failure) {
            case ValidationFailed invalid -> Problem.of("validation", "输入有误 Invalid input", 400, invalid.getMessage())
                    .withErrors(invalid.errors());
            case NotFound notFound -> Problem.of("not-found", "未找到 Not found", 404, notFound.getMessage());
            case Conflict conflict -> Problem.of("conflict", "冲突 Conflict", 409, conflict.getMessage());
            case Forbidden forbidden -> Problem.of("forbidden", "无权访问 Forbidden", 403, forbidden.getMessage());
            case NoTenantSelected noTenant -> Problem.of("no-tenant", "未选择运营中心 No tenant selected", 403,
                    noTenant.getMessage());
            case WebApplicationException web when isJsonFailure(web.getCause()) -> malformedJson();
            case WebApplicationException web -> forStatus(web.getResponse().getStatus());
            case JsonException json -> malformedJson();
            case JsonbException json -> malformedJson();
            default -> Problem.of("internal", "服务器内部错误 Internal error", 500,
                    "An unexpected error occurred. Quote incident " + incidentId + " to the operators.");
        };
    }

    private static boolean isJsonFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof JsonException || t instanceof JsonbException) {
                return true;
            }
        }
        return false;
    }

    private static Problem malformedJson() {
        return Problem.of("malformed-json", "请求内容不是有效的 JSON Malformed JSON", 400,
                 "The request body is not valid JSON for this endpoint.");
    }

    /**
     * The problem for a bare HTTP status, as the container or JAX-RS produce them (401, 403, 404, 405, 415…).
     * The details are fixed texts: the runtime's own messages can name internal classes.
     */
    public static Problem forStatus(int status) {
        return switch (status) {
            case 400 -> Problem.of("bad-request", "请求无效 Bad request", 400, "The request is not valid.");
            case 401 -> Problem.of("unauthenticated", "需要登录 Authentication required", 401,
                    "A valid bearer token from the platform's identity provider is required.");
            case 403 -> Problem.of("forbidden", "无权访问 Forbidden", 403,
                    "Your role does not allow this operation.");
            case 404 -> Problem.of("not-found", "未找到 Not found", 404, "There is nothing at this address.");
            case 405 -> Problem.of("method-not-allowed", "不支持的请求方法 Method not allowed", 405,
                    "This address does not accept this HTTP method.");
            case 406 -> Problem.of("not-acceptable", "无法提供所需格式 Not acceptable", 406,
                    "This address cannot answer in the requested media type.");
            case 415 -> Problem.of("unsupported-media-type", "不支持的内容类型 Unsupported media type", 415,
                    "This address does not accept this content type; send application/json.");
            default -> status >= 500
                    ? Problem.of("internal", "服务器内部错误 Internal error", status, "The server could not answer.")
                    : Problem.of("http-" + status, "请求失败 Request failed", status, "HTTP " + status);
        };
    }

    public static String newIncidentId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
