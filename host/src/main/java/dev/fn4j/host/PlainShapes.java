package dev.fn4j.host;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Says which types are "plain", so that {@link PlainCodec} maps them without Jackson: a record
 * that carries no Jackson annotation, has no type parameters, no getter or setter besides its
 * accessors and no component named like one, whose components are each a String, a primitive or
 * its box, an unannotated enum, a plain record or a {@code List} of a plain type. Jackson maps
 * such a record by its components alone, which is what the plain reader and writer do.
 */
final class PlainShapes {

    private static final Set<Class<?>> SCALARS = Set.of(
            String.class,
            int.class,
            Integer.class,
            long.class,
            Long.class,
            short.class,
            Short.class,
            byte.class,
            Byte.class,
            double.class,
            Double.class,
            float.class,
            Float.class,
            boolean.class,
            Boolean.class,
            char.class,
            Character.class);

    private PlainShapes() {}

    /** The shape of a plain record type, or null when the type is not one. */
    static PlainShape.RecordShape of(Type type) {
        if (!(type instanceof Class<?> record) || !record.isRecord()) {
            return null;
        }
        try {
            return (PlainShape.RecordShape) shape(record, new HashMap<>());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Unreadable reflection (a missing class, a module that is not open) is Jackson's to report.
            return null;
        }
    }

    private static PlainShape shape(Type type, Map<Class<?>, PlainShape.RecordShape> building)
            throws ReflectiveOperationException {
        if (type instanceof Class<?> type1) {
            if (SCALARS.contains(type1)) {
                return new PlainShape.Scalar(type1);
            }
            if (type1.isEnum()) {
                return enumShape(type1);
            }
            return type1.isRecord() ? record(type1, building) : null;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            PlainShape element = shape(parameterized.getActualTypeArguments()[0], building);
            return element == null ? null : new PlainShape.ListShape(element);
        }
        return null;
    }

    private static PlainShape enumShape(Class<?> type) {
        if (PlainAnnotations.foundOn(type)) {
            return null;
        }
        Map<String, Object> byName = new HashMap<>();
        for (Object constant : type.getEnumConstants()) {
            if (constant.getClass() != type && PlainAnnotations.foundOn(constant.getClass())) {
                return null;
            }
            byName.put(((java.lang.Enum<?>) constant).name(), constant);
        }
        return new PlainShape.EnumShape(type, Map.copyOf(byName));
    }

    private static PlainShape record(Class<?> type, Map<Class<?>, PlainShape.RecordShape> building)
            throws ReflectiveOperationException {
        PlainShape.RecordShape known = building.get(type);
        if (known != null) {
            return known;
        }
        RecordComponent[] parts = type.getRecordComponents();
        if (parts.length == 0 || type.getTypeParameters().length > 0 || PlainAnnotations.foundOn(type)) {
            return null;
        }
        String[] names = new String[parts.length];
        Method[] accessors = new Method[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        for (int i = 0; i < parts.length; i++) {
            names[i] = parts[i].getName();
            accessors[i] = parts[i].getAccessor();
            types[i] = parts[i].getType();
            if (!Character.isLowerCase(names[i].charAt(0)) || beanNamed(names[i]) || !accessors[i].trySetAccessible()) {
                return null;
            }
        }
        if (hasBeanMethods(type, List.of(names))) {
            return null;
        }
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        if (!constructor.trySetAccessible()) {
            return null;
        }
        PlainShape.RecordShape shape = new PlainShape.RecordShape(type, names, accessors, constructor);
        building.put(type, shape);
        for (int i = 0; i < parts.length; i++) {
            shape.components[i] = shape(parts[i].getGenericType(), building);
            if (shape.components[i] == null) {
                return null;
            }
        }
        return shape;
    }

    /** Whether Jackson could take the name for a getter's or setter's and rename the property. */
    private static boolean beanNamed(String name) {
        return name.startsWith("get") || name.startsWith("is") || name.startsWith("set");
    }

    /** A getter, is-getter or setter other than the accessors, which Jackson would map as a property. */
    private static boolean hasBeanMethods(Class<?> type, List<String> components) {
        List<Method> methods = new ArrayList<>(List.of(type.getMethods()));
        methods.addAll(List.of(type.getDeclaredMethods()));
        for (Method method : methods) {
            if (Modifier.isStatic(method.getModifiers())
                    || method.isSynthetic()
                    || method.isBridge()
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = method.getName();
            boolean accessor = method.getParameterCount() == 0 && components.contains(name);
            if (!accessor && beanNamed(name) && method.getParameterCount() <= 1) {
                return true;
            }
        }
        return false;
    }
}
