package org.ipop.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Liberty's MicroProfile JWT authenticator answers a missing or rejected token with a bare 401 (no body), written
 * straight to the response rather than through an error page. This filter holds back such bodiless error answers
 * on {@code /api} and writes them as problem details, keeping their headers ({@code WWW-Authenticate}).
 */
@WebFilter("/api/*")
public class BareErrorFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        BodyWatchingResponse watched = new BodyWatchingResponse(response);
        chain.doFilter(request, watched);
        if (watched.getStatus() >= 400 && !watched.bodyStarted && !response.isCommitted()) {
            Problem problem = ProblemMapping.forStatus(watched.getStatus());
            response.setStatus(problem.status());
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(ProblemJson.toJson(problem));
        }
    }

    /** Notes whether a body was started, and keeps an error without a body uncommitted. */
    private static final class BodyWatchingResponse extends HttpServletResponseWrapper {

        private boolean bodyStarted;

        BodyWatchingResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) {
            setStatus(status);
        }

        @Override
        public void sendError(int status, String message) {
            setStatus(status);
        }

        @Override
        public void flushBuffer() throws IOException {
            if (bodyStarted || getStatus() < 400) {
                super.flushBuffer();
            }
        }

        @Override
        public void setContentLength(int length) {
            if (length > 0 || getStatus() < 400) {
                super.setContentLength(length);
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            bodyStarted = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            bodyStarted = true;
            return super.getWriter();
        }
    }
}
