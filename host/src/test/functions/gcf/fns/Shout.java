package fns;

import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import com.google.cloud.functions.TypedFunction;
import java.lang.reflect.Type;

/** A typed function with its own wire format: plain text in, plain text out. */
public class Shout implements TypedFunction<String, String> {

    @Override
    public String apply(String input) {
        return input.toUpperCase() + "!";
    }

    @Override
    public WireFormat getWireFormat() {
        return new WireFormat() {
            @Override
            public Object deserialize(HttpRequest request, Type type) throws Exception {
                return new String(request.getInputStream().readAllBytes()) + " as " + type.getTypeName();
            }

            @Override
            public void serialize(Object object, HttpResponse response) throws Exception {
                response.setContentType("text/x-shout");
                response.getOutputStream().write(object.toString().getBytes());
            }
        };
    }
}
