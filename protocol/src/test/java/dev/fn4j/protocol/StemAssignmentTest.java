package dev.fn4j.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StemAssignmentTest {

    @Test
    void writtenAssignmentReadsBackWithEveryCharacterOfItsValues() throws IOException {
        StemAssignment assignment = new StemAssignment(
                Map.of("DB_URL", "jdbc:postgresql://db:5432/x?a=b&c=d", "GREETING", "héllo, 世界 = #!\n\\", "EMPTY", ""),
                StemAssignment.classPathUnder("/fn4j"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assignment.write(out);

        assertEquals(assignment, StemAssignment.read(new ByteArrayInputStream(out.toByteArray())));
    }

    @Test
    void classPathIsTheImagesWithoutTheHostJarUnderTheSocketDirectory() {
        assertEquals(
                "/fn4j/app/resources:/fn4j/app/classes:/fn4j/app/snapshot-libs/*:/fn4j/app/libs/*",
                StemAssignment.classPathUnder("/fn4j"));
    }

    @Test
    void aFileWithoutAClassPathIsRefusedByName() {
        byte[] bytes = "env.A=1\n".getBytes(StandardCharsets.ISO_8859_1);

        IOException e = assertThrows(IOException.class, () -> StemAssignment.read(new ByteArrayInputStream(bytes)));
        assertEquals("not a stem assignment: no class-path", e.getMessage());
    }

    @Test
    void anUnknownKeyIsRefusedByName() {
        byte[] bytes = "class-path=/x\nhandler=Y\n".getBytes(StandardCharsets.ISO_8859_1);

        IOException e = assertThrows(IOException.class, () -> StemAssignment.read(new ByteArrayInputStream(bytes)));
        assertEquals("not a stem assignment: unknown key 'handler'", e.getMessage());
    }

    @Test
    void aVariableNameWithAnEqualsSignIsRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new StemAssignment(Map.of("A=B", "1"), "/x"));
        assertEquals("env name must be non-empty without '=' or NUL: 'A=B'", e.getMessage());
    }
}
