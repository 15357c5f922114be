package fns;

import com.google.cloud.functions.TypedFunction;

/** A typed function: a bean in, a bean out. */
public class Doubler implements TypedFunction<Doubler.Number, Doubler.Number> {

    public static class Number {
        private int value;

        public int getValue() {
            return value;
        }

        public void setValue(int value) {
            this.value = value;
        }
    }

    @Override
    public Number apply(Number input) {
        Number doubled = new Number();
        doubled.setValue(input.getValue() * 2);
        return doubled;
    }
}
