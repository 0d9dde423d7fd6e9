package dev.candleflow.query.api;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself (a malformed request line, oversized headers, ...) as RFC 9457
 * problems too, never an HTML page or a stack trace.
 */
public final class ProblemErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(
            Request request,
            Response response,
            int code,
            String message,
            Throwable cause,
            Callback callback) {
        String reason = HttpStatus.getMessage(code);
        String detail = message == null || message.isBlank() ? reason : Params.shown(message);
        String type = code == 400 ? "bad-request" : code >= 500 ? "internal" : "http-" + code;
        ApiException problem = new ApiException(code, type, reason, detail, null);
        String path = request.getHttpURI() == null ? "" : request.getHttpURI().getPath();
        ApiResponse r = ApiResponse.problem(problem, path == null ? "" : path);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, r.contentType());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, r.body().length);
        response.write(true, ByteBuffer.wrap(r.body()), callback);
    }
}
