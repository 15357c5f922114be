package dev.fn4j.runtime.it.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/** A Lambda function for an HTTP API, written only against AWS's published APIs. */
public class Orders implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        context.getLogger().log("order " + event.getRawPath() + "\n");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(201)
                .withHeaders(Map.of("content-type", "application/json", "x-function", context.getFunctionName()))
                .withBody("{\"path\":\"" + event.getRawPath() + "\",\"query\":\"" + event.getRawQueryString()
                        + "\",\"body\":\"" + event.getBody() + "\",\"requestId\":\"" + context.getAwsRequestId()
                        + "\"}")
                .build();
    }
}
