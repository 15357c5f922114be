package dev.fn4j.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangesTest {

    private final List<String> done = new ArrayList<>();
    private final Changes changes = new Changes(
            name -> {
                if (name.equals("broken")) {
                    throw new IllegalStateException("store down");
                }
                done.add("function " + name);
            },
            () -> done.add("every function"),
            id -> done.add("key " + id),
            () -> done.add("every key"));

    @Test
    void aFunctionNoticeReReadsThatFunctionAndAKeyNoticeForgetsThatKey() {
        changes.changed(Notice.function("hello"));
        changes.changed(Notice.key("0123456789ab"));

        assertThat(done).containsExactly("function hello", "key 0123456789ab");
    }

    @Test
    void missedNoticesReReadEverything() {
        changes.missed();

        assertThat(done).containsExactly("every key", "every function");
    }

    @Test
    void aFailedReactionDoesNotStopTheNextOnes() {
        changes.changed(Notice.function("broken"));
        changes.changed(Notice.function("hello"));

        assertThat(done).containsExactly("function hello");
    }
}
