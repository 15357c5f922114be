package dev.fn4j.host;

import static dev.fn4j.host.Frames.contexts;
import static dev.fn4j.host.Frames.invoke;
import static dev.fn4j.host.Frames.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.host.testfns.BadHandlers;
import dev.fn4j.host.testfns.ContextProbe;
import dev.fn4j.host.testfns.Echo;
import dev.fn4j.host.testfns.Greeter;
import dev.fn4j.host.testfns.KeyCounter;
import dev.fn4j.host.testfns.RawHandler;
import dev.fn4j.host.testfns.Reverser;
import dev.fn4j.host.testfns.Thrower;
import dev.fn4j.protocol.Frame;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionInvokerTest {

    private static Frame answer(Object handler, Frame.Invoke invoke) {
        return Invoker.forHandler(handler, contexts()).answer(invoke, Frames.log());
    }

    private static Frame.Result result(Object handler, String body) {
        Frame frame = answer(handler, invoke("r1", body));
        assertThat(frame).isInstanceOf(Frame.Result.class);
        Frame.Result result = (Frame.Result) frame;
        assertThat(result.requestId()).isEqualTo("r1");
        return result;
    }

    @Test
    void recordInRecordOutIsJsonWithContentType() {
        Frame.Result result = result(new Greeter(), "{\"name\":\"Ada\",\"age\":36}");

        assertThat(result.headers()).containsExactly(new Frame.Header("content-type", "application/json"));
        assertThat(text(result.body())).isEqualTo("{\"message\":\"Hello, Ada\",\"nextAge\":37}");
    }

    @Test
    void emptyBodyGivesNullInputAndNullOutputGivesEmptyBodyWithoutContentType() {
        Frame.Result result = result(new Greeter(), "");

        assertThat(result.headers()).isEmpty();
        assertThat(result.body()).isEmpty();
    }

    @Test
    void stringInStringOutIsPlainText() {
        Frame.Result result = result(new Echo(), "grüß dich");

        assertThat(result.headers()).containsExactly(new Frame.Header("content-type", "text/plain; charset=utf-8"));
        assertThat(text(result.body())).isEqualTo("grüß dich");
    }

    @Test
    void bytesInBytesOutAreRaw() {
        Frame.Invoke invoke = new Frame.Invoke("r1", 0, List.of(), new byte[] {1, 2, (byte) 0xFF});

        Frame.Result result = (Frame.Result) answer(new Reverser(), invoke);

        assertThat(result.headers()).containsExactly(new Frame.Header("content-type", "application/octet-stream"));
        assertThat(result.body()).containsExactly((byte) 0xFF, 2, 1);
    }

    @Test
    void mapInMapOutIsJson() {
        Frame.Result result = result(new KeyCounter(), "{\"b\":1,\"a\":{\"x\":2}}");

        assertThat(text(result.body()))
                .isIn("{\"count\":2,\"keys\":[\"a\",\"b\"]}", "{\"keys\":[\"a\",\"b\"],\"count\":2}");
    }

    @Test
    void rawHandlerGetsJsonAsPlainJavaValues() {
        Frame.Result result = result(new RawHandler(), "[1,2]");

        assertThat(text(result.body())).isEqualTo("\"java.util.ArrayList\"");
    }

    @Test
    void undecodableBodyIsNonFatalBadInputNamingTheType() {
        Frame frame = answer(new Greeter(), invoke("r2", "{\"age\":\"x\"}"));

        assertThat(frame).isInstanceOf(Frame.PlatformError.class);
        Frame.PlatformError error = (Frame.PlatformError) frame;
        assertThat(error.requestId()).isEqualTo("r2");
        assertThat(error.code()).isEqualTo("bad_input");
        assertThat(error.fatal()).isFalse();
        assertThat(error.message())
                .isEqualTo("the body is not JSON for dev.fn4j.host.testfns.Person: "
                        + "expected a whole number, got \"x\" (at $.age)");
    }

    @Test
    void unwritableOutputIsNonFatalBadOutput() {
        Frame.PlatformError error = (Frame.PlatformError) answer(new BadHandlers.Unwritable(), invoke("r3", ""));

        assertThat(error.code()).isEqualTo("bad_output");
        assertThat(error.fatal()).isFalse();
        assertThat(error.message()).startsWith("cannot write the output java.lang.Object as JSON: ");
    }

    @Test
    void thrownExceptionIsFunctionErrorWithTypeMessageAndStack() {
        Frame.FunctionError error = (Frame.FunctionError) answer(new Thrower(), invoke("r4", "boom"));

        assertThat(error.requestId()).isEqualTo("r4");
        assertThat(error.errorType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.message()).isEqualTo("boom");
        assertThat(error.stackTrace())
                .startsWith("java.lang.IllegalStateException: boom\n")
                .contains("at dev.fn4j.host.testfns.Thrower.handle(Thrower.java:");
    }

    @Test
    void checkedExceptionIsFunctionError() {
        Frame.FunctionError error = (Frame.FunctionError) answer(new Thrower(), invoke("r4", "checked"));

        assertThat(error.errorType()).isEqualTo("java.io.IOException");
        assertThat(error.message()).isEqualTo("disk on fire");
    }

    @Test
    void exceptionWithoutMessageHasEmptyMessage() {
        Frame.FunctionError error = (Frame.FunctionError) answer(new Thrower(), invoke("r5", "npe"));

        assertThat(error.errorType()).isEqualTo("java.lang.NullPointerException");
        assertThat(error.message()).isEmpty();
    }

    @Test
    void stackOverflowIsAnOrdinaryFunctionError() {
        Frame.FunctionError error = (Frame.FunctionError) answer(new Thrower(), invoke("r6", "deep"));

        assertThat(error.errorType()).isEqualTo("java.lang.StackOverflowError");
        assertThat(error.stackTrace().length()).isLessThanOrEqualTo(Failures.MAX_STACK_TRACE_CHARS + 20);
    }

    @Test
    void outOfMemoryIsRethrownForTheConnectionToHalt() {
        Invoker invoker = Invoker.forHandler(new Thrower(), contexts());

        assertThatThrownBy(() -> invoker.answer(invoke("r7", "oom"), Frames.log()))
                .isInstanceOf(OutOfMemoryError.class)
                .hasMessage("test heap");
        assertThatThrownBy(() -> invoker.answer(invoke("r7", "internal"), Frames.log()))
                .isInstanceOf(InternalError.class);
    }

    @Test
    void invokerStaysUsableAfterAFunctionError() {
        Invoker invoker = Invoker.forHandler(new Thrower(), contexts());

        assertThat(invoker.answer(invoke("a", "boom"), Frames.log())).isInstanceOf(Frame.FunctionError.class);
        Frame.Result result = (Frame.Result) invoker.answer(invoke("b", "again"), Frames.log());
        assertThat(text(result.body())).isEqualTo("ok:again");
    }

    @Test
    void handlerSeesContextAndLogsTaggedLinesToStderrAndItsCallLog() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Invoker invoker = Invoker.forHandler(new ContextProbe(), contexts(log));
        CapturedLog callLog = new CapturedLog("req-9", 1024);

        Frame.Result result = (Frame.Result) invoker.answer(invoke("req-9", "x"), callLog);

        assertThat(text(result.body()))
                .isEqualTo("{\"requestId\":\"req-9\",\"functionName\":\"fn\","
                        + "\"deadline\":" + (Frames.NOW.toEpochMilli() + 30_000)
                        + ",\"remainingPositive\":true,\"config\":{\"GREETING\":\"hi\"}}");
        assertThat(log.toString(StandardCharsets.UTF_8)).isEqualTo("2026-01-02T03:04:05Z INFO [req-9] probing x\n");
        assertThat(callLog.close())
                .isEqualTo(new Frame.Logs("req-9", "2026-01-02T03:04:05Z INFO [req-9] probing x\n", false));
    }

    static final class Hostile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @Override
        public String getMessage() {
            throw new IllegalStateException("no message for you");
        }
    }

    @Test
    void throwableWhoseGetMessageThrowsStillGivesAFunctionError() {
        Invoker invoker = Invoker.forHandler(
                (dev.fn4j.api.Handler<Object, Object>) (input, context) -> {
                    throw new Hostile();
                },
                contexts());

        Frame.FunctionError error = (Frame.FunctionError) invoker.answer(invoke("r", ""), Frames.log());

        assertThat(error.errorType()).isEqualTo(Hostile.class.getName());
        assertThat(error.message()).isEmpty();
        assertThat(error.stackTrace()).contains("(printing the stack trace threw java.lang.IllegalStateException)");
    }
}
