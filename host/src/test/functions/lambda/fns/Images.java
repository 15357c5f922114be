package fns;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** An HTTP API (payload 2.0) function: echoes a binary body back, base64-encoded, with a cookie. */
public class Images implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        byte[] received = event.getIsBase64Encoded()
                ? Base64.getDecoder().decode(event.getBody())
                : event.getBody().getBytes();
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of(
                        "content-type", "application/octet-stream",
                        "x-seen", event.getRequestContext().getHttp().getMethod() + " " + event.getRawPath()
                                + " " + event.getRawQueryString() + " " + event.getCookies()
                                + " " + event.getHeaders().get("x-multi")))
                .withCookies(List.of("session=abc"))
                .withBody(Base64.getEncoder().encodeToString(received))
                .withIsBase64Encoded(true)
                .build();
    }
}
