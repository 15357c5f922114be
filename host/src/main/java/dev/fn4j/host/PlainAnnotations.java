package dev.fn4j.host;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the function's own Jackson annotations on a type, by name as {@link FunctionAnnotations}
 * reads them: a type that carries any is not plain, since Jackson may map it its own way.
 */
final class PlainAnnotations {

    /** Built at run time: the shade plugin would relocate a literal along with Jackson's classes. */
    private static final String JACKSON = String.join(".", "com", "fasterxml", "jackson", "");

    private PlainAnnotations() {}

    /** Whether the type, a supertype interface or any member carries an annotation of Jackson's. */
    static boolean foundOn(Class<?> type) {
        List<AnnotatedElement> elements = new ArrayList<>();
        collect(type, elements);
        for (AnnotatedElement element : elements) {
            if (any(element.getAnnotations())) {
                return true;
            }
            if (element instanceof Executable executable) {
                for (Annotation[] parameter : executable.getParameterAnnotations()) {
                    if (any(parameter)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void collect(Class<?> type, List<AnnotatedElement> elements) {
        elements.add(type);
        elements.addAll(List.of(type.getDeclaredFields()));
        elements.addAll(List.of(type.getDeclaredMethods()));
        elements.addAll(List.of(type.getDeclaredConstructors()));
        if (type.isRecord()) {
            elements.addAll(List.of(type.getRecordComponents()));
        }
        for (Class<?> supertype : type.getInterfaces()) {
            collect(supertype, elements);
        }
    }

    /** Whether one is Jackson's, or a bundle of the user's that is annotated with one of Jackson's. */
    private static boolean any(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            Class<? extends Annotation> kind = annotation.annotationType();
            if (kind.getName().startsWith(JACKSON)) {
                return true;
            }
            for (Annotation meta : kind.getAnnotations()) {
                if (meta.annotationType().getName().startsWith(JACKSON)) {
                    return true;
                }
            }
        }
        return false;
    }
}
