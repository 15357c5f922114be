package dev.fn4j.host;

import java.util.List;

/** Test types for the plain codec: plain records of every kind of component, and near misses. */
final class PlainTypes {

    private PlainTypes() {}

    enum Color {
        RED,
        GREEN,
        BLUE
    }

    /** An enum whose constant has a body, so its class is not the enum's. */
    enum Mood {
        HAPPY {
            @Override
            public String toString() {
                return "happy!";
            }
        },
        SAD
    }

    record Inner(String label, int n) {}

    record Everything(
            String s,
            int i,
            Integer boxedI,
            long l,
            Long boxedL,
            short sh,
            Short boxedSh,
            byte b,
            Byte boxedB,
            double d,
            Double boxedD,
            float f,
            Float boxedF,
            boolean z,
            Boolean boxedZ,
            char c,
            Character boxedC,
            Color color,
            Mood mood,
            Inner inner,
            List<String> strings,
            List<Inner> inners,
            List<List<Integer>> grid,
            List<Color> colors) {}

    record Tree(String id, List<Tree> children) {}

    private record Hidden(String name, int n) {}

    static final Class<?> HIDDEN = Hidden.class;

    record Checked(String name) {
        Checked {
            if (name != null && name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
        }
    }

    record TwoConstructors(String name) {
        TwoConstructors(int number) {
            this(Integer.toString(number));
        }
    }

    record WithHelper(String name) {
        String shout() {
            return name.toUpperCase(java.util.Locale.ROOT);
        }
    }

    // Near misses: Jackson maps these in ways of its own, so they keep Jackson.

    record Renamed(
            @com.fasterxml.jackson.annotation.JsonProperty("full_name")
            String name) {}

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = false)
    record Strict(String name) {}

    record WithGetter(String name) {
        public String getShout() {
            return name;
        }
    }

    record BeanNamed(boolean isActive) {}

    record Generic<T>(T value) {}

    record HoldsGeneric(Generic<String> value) {}

    record Timed(java.time.Instant at) {}

    record HoldsSet(java.util.Set<String> names) {}

    record Empty() {}

    enum Labelled {
        @com.fasterxml.jackson.annotation.JsonProperty("r")
        RED
    }

    record HoldsLabelled(Labelled label) {}

    @com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.CLASS)
    interface Typed {}

    record TypedRecord(String name) implements Typed {}
}
