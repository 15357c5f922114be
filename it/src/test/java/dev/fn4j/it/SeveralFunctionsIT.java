package dev.fn4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One project, two handlers, two {@code <function>} entries: one fn:deploy deploys both. */
class SeveralFunctionsIT {

    @RegisterExtension
    static final EndToEnd e2e = new EndToEnd();

    private static final String BYE = """
            package com.example;

            import dev.fn4j.api.Context;
            import dev.fn4j.api.Handler;

            public class Bye implements Handler<Greeting, GreetingResponse> {
                @Override
                public GreetingResponse handle(Greeting input, Context context) {
                    return new GreetingResponse("Bye, " + input.name() + "!");
                }
            }
            """;

    private static final String FUNCTIONS = """
            <configuration>
              <functions>
                <function>
                  <name>greet</name>
                  <handler>com.example.Hello</handler>
                </function>
                <function>
                  <name>farewell</name>
                  <handler>com.example.Bye</handler>
                </function>
              </functions>
            </configuration>
            """;

    @Test
    void deploysEveryFunctionWithOneDeploy() throws Exception {
        Path duo = e2e.generate("duo");
        Projects.write(Projects.mainClass(duo, "Bye"), BYE);
        Projects.configurePlugin(duo, FUNCTIONS);

        Mvn.Result deploy = e2e.mvn(duo, "deploy", "fn:deploy").assertSucceeded();

        assertThat(deploy.output())
                .contains("[INFO] Deployed greet revision 1 (new function) in ")
                .contains("[INFO] Deployed farewell revision 1 (new function) in ")
                .contains("[INFO] Deployed 2 functions in ");
        assertThat(e2e.post("/fn/greet", "{\"name\":\"Ada\"}").body()).contains("Hello, Ada!");
        assertThat(e2e.post("/fn/farewell", "{\"name\":\"Ada\"}").body()).contains("Bye, Ada!");
    }
}
