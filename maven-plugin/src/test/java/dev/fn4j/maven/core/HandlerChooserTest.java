package dev.fn4j.maven.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.image.HandlerInfo;
import dev.fn4j.image.HandlerScan;
import dev.fn4j.spec.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandlerChooserTest {

    private static final HandlerInfo HELLO = new HandlerInfo("com.example.Hello", HandlerInfo.Kind.HANDLER);
    private static final HandlerInfo BYE = new HandlerInfo("com.example.Bye", HandlerInfo.Kind.HTTP_HANDLER);
    private static final Path CLASSES = Path.of("/p/target/classes");

    private static FunctionTarget target(String name, String handler, Setting setting) {
        return new FunctionTarget(name, handler, setting, Map.of(), Settings.DEFAULTS);
    }

    private static FunctionTarget topLevel(String handler) {
        return target("hello", handler, Setting.parameter("handler", "fn.handler"));
    }

    private static HandlerScan scan(Map<String, String> rejected, HandlerInfo... handlers) {
        return new HandlerScan(CLASSES, List.of(handlers), rejected);
    }

    @Test
    void takesTheOnlyHandler() throws Exception {
        List<ChosenFunction> chosen =
                HandlerChooser.choose(scan(Map.of(), HELLO), List.of(topLevel(null)), "target/classes");
        assertThat(chosen).singleElement().extracting(ChosenFunction::handler).isEqualTo(HELLO);
    }

    @Test
    void takesTheNamedHandler() throws Exception {
        List<ChosenFunction> chosen = HandlerChooser.choose(
                scan(Map.of(), BYE, HELLO), List.of(topLevel("com.example.Hello")), "target/classes");
        assertThat(chosen.get(0).handler()).isEqualTo(HELLO);
    }

    @Test
    void severalHandlersAndNoneNamed() {
        assertThatThrownBy(() ->
                        HandlerChooser.choose(scan(Map.of(), BYE, HELLO), List.of(topLevel(null)), "target/classes"))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("Found 2 handlers in target/classes and none is chosen: com.example.Bye,"
                        + " com.example.Hello. Set <handler> or -Dfn.handler to one of them.");
    }

    @Test
    void severalHandlersAndAnEntryNamesNone() {
        FunctionTarget entry = target("greet", null, Setting.ofFunction("greet", "handler"));
        assertThatThrownBy(() -> HandlerChooser.choose(scan(Map.of(), BYE, HELLO), List.of(entry), "target/classes"))
                .hasMessage("Found 2 handlers in target/classes and <function> 'greet' chooses none:"
                        + " com.example.Bye, com.example.Hello. Set <handler> in the <function> entry"
                        + " 'greet' to one of them.");
    }

    @Test
    void aHandlerThatIsNotThere() {
        assertThatThrownBy(() -> HandlerChooser.choose(
                        scan(Map.of(), BYE, HELLO), List.of(topLevel("com.example.Nope")), "target/classes"))
                .isInstanceOf(FnFailureException.class)
                .hasMessage("<handler> (-Dfn.handler) is 'com.example.Nope', but target/classes has no"
                        + " such handler. Handlers found: com.example.Bye, com.example.Hello."
                        + " Set <handler> or -Dfn.handler to one of them.");
    }

    @Test
    void aSimpleNameGetsASuggestion() {
        assertThatThrownBy(() ->
                        HandlerChooser.choose(scan(Map.of(), BYE, HELLO), List.of(topLevel("Hello")), "target/classes"))
                .hasMessage("<handler> (-Dfn.handler) is 'Hello', but target/classes has no such handler."
                        + " Handlers found: com.example.Bye, com.example.Hello. Did you mean"
                        + " com.example.Hello? Set <handler> or -Dfn.handler to one of them.");
    }

    @Test
    void aClassThatCannotBeAHandler() {
        HandlerScan scan = scan(Map.of("com.example.Base", "is abstract"), HELLO);
        assertThatThrownBy(() -> HandlerChooser.choose(scan, List.of(topLevel("com.example.Base")), "target/classes"))
                .hasMessage("<handler> (-Dfn.handler) is 'com.example.Base', which cannot be a handler:"
                        + " it is abstract. Handlers found: com.example.Hello. Fix the class, or set"
                        + " <handler> or -Dfn.handler to one of them.");
    }

    @Test
    void noHandlerAtAll() {
        String expected = "No handler found in target/classes. To deploy a function, write a public"
                + " class with a public no-argument constructor that implements dev.fn4j.api.Handler"
                + " or dev.fn4j.api.HttpHandler in src/main/java.";
        assertThatThrownBy(() -> HandlerChooser.choose(scan(Map.of()), List.of(topLevel(null)), "target/classes"))
                .isInstanceOf(FnFailureException.class)
                .hasMessage(expected);
        assertThatThrownBy(() ->
                        HandlerChooser.choose(scan(Map.of()), List.of(topLevel("com.example.X")), "target/classes"))
                .hasMessage(expected);
    }

    @Test
    void noUsableHandlerNamesTheRejectedClasses() {
        HandlerScan scan = scan(
                Map.of("com.example.Inner$H", "is an inner class; make it static", "com.example.Base", "is abstract"));
        assertThatThrownBy(() -> HandlerChooser.choose(scan, List.of(topLevel(null)), "target/classes"))
                .hasMessage("No handler found in target/classes. These classes implement a handler"
                        + " interface but cannot be used: com.example.Base (is abstract),"
                        + " com.example.Inner$H (is an inner class; make it static). To deploy a"
                        + " function, write a public class with a public no-argument constructor that"
                        + " implements dev.fn4j.api.Handler or dev.fn4j.api.HttpHandler in src/main/java.");
    }

    @Test
    void choosesForEveryFunction() throws Exception {
        List<ChosenFunction> chosen = HandlerChooser.choose(
                scan(Map.of(), BYE, HELLO),
                List.of(
                        target("a", "com.example.Hello", Setting.ofFunction("a", "handler")),
                        target("b", "com.example.Bye", Setting.ofFunction("b", "handler"))),
                "target/classes");
        assertThat(chosen)
                .extracting(c -> c.name() + "=" + c.handler().className())
                .containsExactly("a=com.example.Hello", "b=com.example.Bye");
    }
}
