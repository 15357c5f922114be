package dev.fn4j.host;

import dev.fn4j.api.Handler;
import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the {@code I} and {@code O} of a class's {@code Handler<I, O>} (or the type arguments of
 * another generic interface, such as Lambda's {@code RequestHandler<I, O>}) by walking its
 * superclasses and generic interfaces; a type variable left unbound (a raw type) resolves to its erased bound,
 * so {@code Object} in the common case.
 */
final class HandlerTypes {

    /** The resolved type arguments; never contain a type variable. */
    record Resolved(Type input, Type output) {}

    private HandlerTypes() {}

    /** Resolves the handler's input and output types. */
    static Resolved of(Class<?> handlerClass) {
        Type[] found = arguments(handlerClass, Handler.class);
        return new Resolved(found[0], found[1]);
    }

    /**
     * The type arguments {@code handlerClass} binds for the generic interface {@code generic}, the
     * erased bounds where it binds none; as many as {@code generic} has type parameters.
     */
    static Type[] arguments(Class<?> handlerClass, Class<?> generic) {
        Type[] found = search(handlerClass, Map.of(), generic);
        if (found != null) {
            return found;
        }
        TypeVariable<?>[] variables = generic.getTypeParameters();
        Type[] erased = new Type[variables.length];
        for (int i = 0; i < erased.length; i++) {
            erased[i] = erase(variables[i]);
        }
        return erased;
    }

    private static Type[] search(Type type, Map<TypeVariable<?>, Type> bindings, Class<?> generic) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> own = new HashMap<>();
        if (type instanceof ParameterizedType parameterized) {
            raw = (Class<?>) parameterized.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = parameterized.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                own.put(variables[i], substitute(arguments[i], bindings));
            }
        } else if (type instanceof Class<?> c) {
            raw = c;
        } else {
            return null;
        }
        if (raw == generic) {
            TypeVariable<?>[] variables = generic.getTypeParameters();
            Type[] found = new Type[variables.length];
            for (int i = 0; i < found.length; i++) {
                found[i] = substitute(variables[i], own);
            }
            return found;
        }
        for (Type superInterface : raw.getGenericInterfaces()) {
            Type[] found = search(superInterface, own, generic);
            if (found != null) {
                return found;
            }
        }
        Type superclass = raw.getGenericSuperclass();
        return superclass == null ? null : search(superclass, own, generic);
    }

    /** Replaces every type variable in {@code type} by its binding, or by its erasure if unbound. */
    private static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof Class<?>) {
            return type;
        }
        if (type instanceof TypeVariable<?> variable) {
            Type bound = bindings.get(variable);
            return bound != null ? bound : erase(variable.getBounds()[0]);
        }
        if (type instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments().clone();
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = substitute(arguments[i], bindings);
            }
            return new Parameterized((Class<?>) parameterized.getRawType(), parameterized.getOwnerType(), arguments);
        }
        if (type instanceof GenericArrayType array) {
            Type component = substitute(array.getGenericComponentType(), bindings);
            return Array.newInstance(erase(component), 0).getClass();
        }
        if (type instanceof WildcardType wildcard) {
            return substitute(wildcard.getUpperBounds()[0], bindings);
        }
        throw new IllegalArgumentException("unsupported type: " + type);
    }

    private static Class<?> erase(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        if (type instanceof GenericArrayType array) {
            return Array.newInstance(erase(array.getGenericComponentType()), 0).getClass();
        }
        if (type instanceof TypeVariable<?> variable) {
            return erase(variable.getBounds()[0]);
        }
        if (type instanceof WildcardType wildcard) {
            return erase(wildcard.getUpperBounds()[0]);
        }
        throw new IllegalArgumentException("unsupported type: " + type);
    }

    /** A parameterized type whose arguments were substituted; compares like the JDK's own. */
    private static final class Parameterized implements ParameterizedType {
        private final Class<?> raw;
        private final Type owner;
        private final Type[] arguments;

        Parameterized(Class<?> raw, Type owner, Type[] arguments) {
            this.raw = raw;
            this.owner = owner;
            this.arguments = arguments;
        }

        @Override
        public Type[] getActualTypeArguments() {
            return arguments.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return owner;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ParameterizedType that
                    && raw.equals(that.getRawType())
                    && Objects.equals(owner, that.getOwnerType())
                    && Arrays.equals(arguments, that.getActualTypeArguments());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(arguments) ^ Objects.hashCode(owner) ^ raw.hashCode();
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(raw.getTypeName()).append('<');
            for (int i = 0; i < arguments.length; i++) {
                text.append(i == 0 ? "" : ", ").append(arguments[i].getTypeName());
            }
            return text.append('>').toString();
        }
    }
}
