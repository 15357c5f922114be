package dev.fn4j.host;

import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;

/**
 * Reads the function's own {@code @JsonProperty} and {@code @JsonIgnore}, which belong to the
 * function's Jackson and so are invisible to the host's relocated one, by their original names.
 */
final class FunctionAnnotations extends JacksonAnnotationIntrospector {

    private static final long serialVersionUID = 1L;

    /** Built at run time: the shade plugin would relocate a literal along with Jackson's classes. */
    private static final String PACKAGE = String.join(".", "com", "fasterxml", "jackson", "annotation");

    private static final String PROPERTY = PACKAGE + ".JsonProperty";
    private static final String IGNORE = PACKAGE + ".JsonIgnore";

    @Override
    public PropertyName findNameForSerialization(Annotated a) {
        PropertyName name = super.findNameForSerialization(a);
        return name != null ? name : propertyName(a);
    }

    @Override
    public PropertyName findNameForDeserialization(Annotated a) {
        PropertyName name = super.findNameForDeserialization(a);
        return name != null ? name : propertyName(a);
    }

    @Override
    public boolean hasIgnoreMarker(AnnotatedMember m) {
        if (super.hasIgnoreMarker(m)) {
            return true;
        }
        Annotation ignore = find(m, IGNORE);
        return ignore != null && !Boolean.FALSE.equals(value(ignore));
    }

    private static PropertyName propertyName(Annotated a) {
        Annotation property = find(a, PROPERTY);
        if (property == null) {
            return null;
        }
        Object value = value(property);
        return value instanceof String name ? PropertyName.construct(name) : null;
    }

    private static Annotation find(Annotated a, String type) {
        Annotation[] annotations;
        if (a instanceof AnnotatedParameter parameter
                && parameter.getOwner().getAnnotated() instanceof Executable executable) {
            Annotation[][] all = executable.getParameterAnnotations();
            int index = parameter.getIndex() + all.length - executable.getParameterCount();
            annotations = index >= 0 && index < all.length ? all[index] : new Annotation[0];
        } else {
            AnnotatedElement element = a.getAnnotated();
            if (element == null) {
                return null;
            }
            annotations = element.getAnnotations();
        }
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().equals(type)) {
                return annotation;
            }
        }
        return null;
    }

    /** The annotation's value(), or null when it cannot be read. */
    private static Object value(Annotation annotation) {
        try {
            return annotation.annotationType().getMethod("value").invoke(annotation);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
