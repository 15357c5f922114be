package dev.fn4j.host;

import dev.fn4j.protocol.Frame;
import java.util.List;
import java.util.function.Function;

/**
 * Test helper, loaded in a class loader of its own: loads a handler, makes its invoker as the host
 * does at start and answers one call, returning the result's body as text.
 */
public final class PlainStartProbe implements Function<List<String>, String> {

    /** Made reflectively, in the recording class loader. */
    public PlainStartProbe() {}

    /** Takes the handler's class name and the call's body. */
    @Override
    public String apply(List<String> handlerAndBody) {
        try {
            Object handler =
                    HandlerLoader.load(handlerAndBody.get(0), getClass().getClassLoader());
            Invoker invoker = Invoker.forHandler(handler, Frames.contexts());
            Frame answer = invoker.answer(Frames.invoke("r1", handlerAndBody.get(1)), Frames.log());
            return answer instanceof Frame.Result result ? Frames.text(result.body()) : answer.toString();
        } catch (StartupException e) {
            throw new IllegalStateException(e);
        }
    }
}
