package fns;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

/** An HTTP API function returning a bare String, which API Gateway answers 200 with. */
public class Text implements RequestHandler<APIGatewayV2HTTPEvent, String> {

    @Override
    public String handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return "path " + event.getRawPath();
    }
}
