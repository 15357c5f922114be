package fns;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Lambda function as written for AWS: a Map in, a Map out, the context's fields and logger used. */
public class Hello implements RequestHandler<Map<String, String>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, String> input, Context context) {
        context.getLogger().log("greeting " + input.get("name") + "\n");
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("message", "Hello, " + input.get("name") + "!");
        output.put("requestId", context.getAwsRequestId());
        output.put("function", context.getFunctionName());
        output.put("version", context.getFunctionVersion());
        output.put("remainingMillis", context.getRemainingTimeInMillis());
        output.put("memoryPositive", context.getMemoryLimitInMB() > 0);
        return output;
    }
}
