package dev.fn4j.host.testfns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;

/** Answers the note it got. */
public final class NoteEcho implements Handler<Note, Note> {
    @Override
    public Note handle(Note note, Context context) {
        return note;
    }
}
