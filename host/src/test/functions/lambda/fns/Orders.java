package fns;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.List;
import java.util.Map;

/** A REST API (payload 1.0) function: answers with what it was given. */
public class Orders implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        if (event.getPath().equals("/fail")) {
            throw new IllegalStateException("order service down");
        }
        String summary = event.getHttpMethod() + " " + event.getPath()
                + " q=" + event.getQueryStringParameters().get("q")
                + " tags=" + event.getMultiValueQueryStringParameters().get("tag")
                + " accept=" + event.getHeaders().get("accept")
                + " proxy=" + event.getPathParameters().get("proxy")
                + " id=" + event.getRequestContext().getRequestId()
                + " body=" + event.getBody() + " base64=" + event.getIsBase64Encoded();
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(201)
                .withHeaders(Map.of("Content-Type", "text/plain"))
                .withMultiValueHeaders(Map.of("X-Tag", List.of("a", "b")))
                .withBody(summary);
    }
}
