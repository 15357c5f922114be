package dev.fn4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.image.HandlerInfo.Kind;
import dev.fn4j.image.HandlerSelectionException.Reason;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandlerSelectionTest {

    private static final Path DIR = Path.of("target", "classes");
    private static final HandlerInfo HELLO = new HandlerInfo("com.example.Hello", Kind.HANDLER);
    private static final HandlerInfo WEB = new HandlerInfo("com.example.Api$Web", Kind.HTTP_HANDLER);

    @Test
    void theOnlyHandlerIsChosenWhenNoneIsNamed() throws Exception {
        assertThat(HandlerSelection.select(List.of(HELLO), null, DIR)).isEqualTo(HELLO);
        assertThat(HandlerSelection.select(List.of(HELLO), "  ", DIR)).isEqualTo(HELLO);
    }

    @Test
    void aNamedHandlerIsChosenAmongSeveral() throws Exception {
        assertThat(HandlerSelection.select(List.of(WEB, HELLO), "com.example.Hello", DIR))
                .isEqualTo(HELLO);
        assertThat(HandlerSelection.select(List.of(WEB, HELLO), " com.example.Hello ", DIR))
                .isEqualTo(HELLO);
    }

    @Test
    void aNestedHandlerMayBeNamedWithADotOrADollar() throws Exception {
        assertThat(HandlerSelection.select(List.of(WEB, HELLO), "com.example.Api$Web", DIR))
                .isEqualTo(WEB);
        assertThat(HandlerSelection.select(List.of(WEB, HELLO), "com.example.Api.Web", DIR))
                .isEqualTo(WEB);
    }

    @Test
    void noHandlersAtAll() {
        assertThatThrownBy(() -> HandlerSelection.select(List.of(), null, DIR))
                .isInstanceOfSatisfying(HandlerSelectionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NONE_FOUND);
                    assertThat(e.requested()).isNull();
                    assertThat(e.candidates()).isEmpty();
                })
                .hasMessage("no class implementing dev.fn4j.api.Handler or dev.fn4j.api.HttpHandler in " + DIR);
    }

    @Test
    void severalHandlersAndNoneNamed() {
        assertThatThrownBy(() -> HandlerSelection.select(List.of(HELLO, WEB), null, DIR))
                .isInstanceOfSatisfying(HandlerSelectionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.AMBIGUOUS);
                    assertThat(e.requested()).isNull();
                    assertThat(e.candidates()).containsExactly("com.example.Api$Web", "com.example.Hello");
                })
                .hasMessage("2 handlers found and none named; choose one of com.example.Api$Web, com.example.Hello");
    }

    @Test
    void aNameThatIsNotAHandler() {
        assertThatThrownBy(() -> HandlerSelection.select(List.of(HELLO, WEB), "com.example.Helo", DIR))
                .isInstanceOfSatisfying(HandlerSelectionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_A_HANDLER);
                    assertThat(e.requested()).isEqualTo("com.example.Helo");
                    assertThat(e.candidates()).containsExactly("com.example.Api$Web", "com.example.Hello");
                })
                .hasMessage("'com.example.Helo' is not a usable handler: no such class implementing"
                        + " dev.fn4j.api.Handler or dev.fn4j.api.HttpHandler in " + DIR
                        + "; handlers: com.example.Api$Web, com.example.Hello");
    }

    @Test
    void aNameGivenWhenThereAreNoHandlers() {
        assertThatThrownBy(() -> HandlerSelection.select(List.of(), "com.example.Hello", DIR))
                .isInstanceOfSatisfying(HandlerSelectionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_A_HANDLER);
                    assertThat(e.requested()).isEqualTo("com.example.Hello");
                    assertThat(e.candidates()).isEmpty();
                })
                .hasMessage("'com.example.Hello' is not a usable handler: no such class implementing"
                        + " dev.fn4j.api.Handler or dev.fn4j.api.HttpHandler in " + DIR + "; there are no handlers");
    }

    @Test
    void aRejectedClassIsExplainedWhenNamed() {
        HandlerScan scan = new HandlerScan(DIR, List.of(HELLO), Map.of("com.example.Base", "is abstract"));

        assertThatThrownBy(() -> HandlerSelection.select(scan, "com.example.Base"))
                .isInstanceOfSatisfying(
                        HandlerSelectionException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_HANDLER))
                .hasMessage("'com.example.Base' is not a usable handler: it implements dev.fn4j.api.Handler"
                        + " or dev.fn4j.api.HttpHandler but is abstract; handlers: com.example.Hello");
    }

    @Test
    void aScanSelectsLikeTheList() throws Exception {
        assertThat(HandlerSelection.select(new HandlerScan(DIR, List.of(HELLO), Map.of()), null))
                .isEqualTo(HELLO);
    }
}
