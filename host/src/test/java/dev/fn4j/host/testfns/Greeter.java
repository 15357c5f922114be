package dev.fn4j.host.testfns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;

/** Record in, record out: greets a person. */
public final class Greeter implements Handler<Person, Greeting> {
    @Override
    public Greeting handle(Person person, Context context) {
        return person == null ? null : new Greeting("Hello, " + person.name(), person.age() + 1);
    }
}
