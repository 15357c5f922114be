package dev.fn4j.client;

/**
 * Parses a {@code text/event-stream} line by line, as the HTML standard defines it: {@code event:},
 * {@code data:} (several lines join with a line break) and {@code id:} fields, comments starting
 * with {@code :}, and a blank line that ends an event. An event without data is dropped. Public so
 * every Java reader of fn4j's event streams (the runtime's tests too) shares this one parser.
 */
public final class ServerSentEvents {

    /** Receives each complete event. */
    public interface Listener {
        /**
         * One event.
         *
         * @param name the {@code event:} field, {@code message} when it had none
         * @param id the last {@code id:} field seen on the stream, or null
         * @param data the {@code data:} lines joined with {@code \n}
         */
        void event(String name, String id, String data);
    }

    private final Listener listener;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String name;
    private String lastId;

    public ServerSentEvents(Listener listener) {
        this.listener = listener;
    }

    /** Takes one line, without its line break. */
    public void line(String line) {
        if (line.isEmpty()) {
            dispatch();
            return;
        }
        if (line.startsWith(":")) {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> name = value;
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastId = value;
                }
            }
            default -> {
                // "retry" and unknown fields are ignored.
            }
        }
    }

    /** The stream ended: an event not yet ended by a blank line is still delivered. */
    public void end() {
        dispatch();
    }

    private void dispatch() {
        if (hasData) {
            listener.event(name == null || name.isEmpty() ? "message" : name, lastId, data.toString());
        }
        data.setLength(0);
        hasData = false;
        name = null;
    }
}
