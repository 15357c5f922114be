package dev.fn4j.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a handler scan found: the usable handlers, and the classes that implement a handler
 * interface but cannot be instantiated, with the reason, so an error can explain a rejected name.
 *
 * @param classesDir the directory scanned
 * @param handlers   usable handlers, sorted by class name
 * @param rejected   class name → why it is not usable (for example "is abstract"), sorted by name
 */
public record HandlerScan(Path classesDir, List<HandlerInfo> handlers, Map<String, String> rejected) {

    public HandlerScan {
        handlers = List.copyOf(handlers);
        rejected = java.util.Collections.unmodifiableMap(new TreeMap<>(rejected));
    }
}
