package fns;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;

/** An HTTP API function answering with a plain Map; a body starting with "bad" claims base64 wrongly. */
public class Raw implements RequestHandler<APIGatewayV2HTTPEvent, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return event.getBody().startsWith("bad")
                ? Map.of("statusCode", 200, "isBase64Encoded", true, "body", "%%% not base64")
                : Map.of("statusCode", 418, "body", event.getBody());
    }
}
