package dev.fn4j.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import dev.fn4j.host.testfns.Greeter;
import dev.fn4j.host.testfns.Greeting;
import dev.fn4j.host.testfns.KeyCounter;
import dev.fn4j.host.testfns.Person;
import dev.fn4j.host.testfns.RawHandler;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandlerTypesTest {

    abstract static class Base<T> implements Handler<T, String> {}

    static final class ViaSuperclass extends Base<Person> {
        @Override
        public String handle(Person input, Context context) {
            return "";
        }
    }

    interface TextToNumber extends Handler<String, Integer> {}

    static final class ViaSubInterface implements TextToNumber {
        @Override
        public Integer handle(String input, Context context) {
            return 0;
        }
    }

    abstract static class Swap<A, B> implements Handler<B, A> {}

    abstract static class Middle<X> extends Swap<X, List<X>> {}

    static final class Swapped extends Middle<Integer> {
        @Override
        public Integer handle(List<Integer> input, Context context) {
            return 0;
        }
    }

    static final class Bounded<T extends Number> implements Handler<T, List<T>> {
        @Override
        public List<T> handle(T input, Context context) {
            return List.of();
        }
    }

    @SuppressWarnings("rawtypes")
    static final class RawSubclass extends Base {
        @Override
        public String handle(Object input, Context context) {
            return "";
        }
    }

    @Test
    void directImplementationResolvesBothArguments() {
        HandlerTypes.Resolved types = HandlerTypes.of(Greeter.class);

        assertThat(types.input()).isEqualTo(Person.class);
        assertThat(types.output()).isEqualTo(Greeting.class);
    }

    @Test
    void parameterizedArgumentsKeepTheirTypeArguments() {
        HandlerTypes.Resolved types = HandlerTypes.of(KeyCounter.class);

        assertThat(types.input()).isInstanceOf(ParameterizedType.class);
        assertThat(types.input().getTypeName()).isEqualTo("java.util.Map<java.lang.String, java.lang.Object>");
    }

    @Test
    void typeVariablesBoundBySubclassResolveThroughTheSuperclass() {
        HandlerTypes.Resolved types = HandlerTypes.of(ViaSuperclass.class);

        assertThat(types.input()).isEqualTo(Person.class);
        assertThat(types.output()).isEqualTo(String.class);
    }

    @Test
    void subInterfaceArgumentsResolve() {
        HandlerTypes.Resolved types = HandlerTypes.of(ViaSubInterface.class);

        assertThat(types.input()).isEqualTo(String.class);
        assertThat(types.output()).isEqualTo(Integer.class);
    }

    @Test
    void reorderedAndNestedVariablesResolveThroughTwoLevels() {
        HandlerTypes.Resolved types = HandlerTypes.of(Swapped.class);

        assertThat(types.input()).isInstanceOf(ParameterizedType.class);
        ParameterizedType input = (ParameterizedType) types.input();
        assertThat(input.getRawType()).isEqualTo(List.class);
        assertThat(input.getActualTypeArguments()).containsExactly(Integer.class);
        assertThat(types.output()).isEqualTo(Integer.class);
    }

    @Test
    void unboundVariableResolvesToItsBound() {
        HandlerTypes.Resolved types = HandlerTypes.of(Bounded.class);

        assertThat(types.input()).isEqualTo(Number.class);
        assertThat(((ParameterizedType) types.output()).getActualTypeArguments())
                .containsExactly((Type) Number.class);
    }

    @Test
    void rawHandlerResolvesToObject() {
        HandlerTypes.Resolved types = HandlerTypes.of(RawHandler.class);

        assertThat(types.input()).isEqualTo(Object.class);
        assertThat(types.output()).isEqualTo(Object.class);
    }

    @Test
    void rawSuperclassLeavesInputObjectButKeepsConcreteOutput() {
        HandlerTypes.Resolved types = HandlerTypes.of(RawSubclass.class);

        assertThat(types.input()).isEqualTo(Object.class);
        assertThat(types.output()).isEqualTo(String.class);
    }

    @Test
    void substitutedParameterizedTypeEqualsTheJdkOne() throws Exception {
        Type jdk = KeyCounter.class.getGenericInterfaces()[0];
        Type mapOfStringObject = ((ParameterizedType) jdk).getActualTypeArguments()[0];

        Type resolved = HandlerTypes.of(KeyCounter.class).input();

        assertThat(resolved).isEqualTo(mapOfStringObject);
        assertThat(resolved.hashCode()).isEqualTo(mapOfStringObject.hashCode());
        assertThat(Map.class).isEqualTo(((ParameterizedType) resolved).getRawType());
    }
}
