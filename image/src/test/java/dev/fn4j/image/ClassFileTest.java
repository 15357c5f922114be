package dev.fn4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The parser against the JDK's own class files, which use every kind of constant. */
class ClassFileTest {

    @Test
    void readsEveryClassInJavaBaseAndAgreesWithReflection() throws Exception {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        int compared = 0;
        try (Stream<Path> files = Files.walk(jrt.getPath("/modules/java.base"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                ClassFile type = ClassFile.parse(Files.readAllBytes(file), file.toString());
                if (!type.name().startsWith("java/util/") || type.name().equals("module-info")) {
                    continue;
                }
                Class<?> loaded = Class.forName(type.className(), false, null);
                // Reflection says an interface has no superclass; its class file says java/lang/Object.
                String superName = loaded.isInterface()
                        ? "java/lang/Object"
                        : loaded.getSuperclass() == null ? null : internal(loaded.getSuperclass());
                assertThat(type.superName()).as(type.name()).isEqualTo(superName);
                assertThat(type.interfaces())
                        .as(type.name())
                        .isEqualTo(Arrays.stream(loaded.getInterfaces())
                                .map(ClassFileTest::internal)
                                .toList());
                assertThat(type.isInterface()).as(type.name()).isEqualTo(loaded.isInterface());
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(300);
    }

    @Test
    void readsModuleInfoWithItsModuleAndPackageConstants() throws IOException {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        byte[] bytes = Files.readAllBytes(jrt.getPath("/modules/java.base/module-info.class"));

        ClassFile moduleInfo = ClassFile.parse(bytes, "module-info.class");

        assertThat(moduleInfo.name()).isEqualTo("module-info");
        assertThat(moduleInfo.superName()).isNull();
        assertThat(moduleInfo.accessFlags() & ClassFile.ACC_MODULE).isNotZero();
    }

    @Test
    void readsNestedClassModifiersFromInnerClasses() throws IOException {
        ClassFile entry = ClassFile.parse(bytes(java.util.Map.Entry.class), "Map$Entry");

        assertThat(entry.nested()).isTrue();
        assertThat(entry.memberClass()).isTrue();
        assertThat(entry.isPublic()).isTrue();
        assertThat(entry.isStatic()).isTrue();
        assertThat(entry.isInterface()).isTrue();
    }

    @Test
    void findsThePublicNoArgumentConstructor() throws IOException {
        assertThat(ClassFile.parse(bytes(java.util.ArrayList.class), "ArrayList")
                        .publicNoArgConstructor())
                .isTrue();
        assertThat(ClassFile.parse(bytes(java.util.Optional.class), "Optional").publicNoArgConstructor())
                .isFalse();
    }

    @Test
    void rejectsWhatIsNotAClassFile() {
        assertThatThrownBy(() -> ClassFile.parse("not a class".getBytes(), "x.class"))
                .isInstanceOf(ClassFileException.class)
                .hasMessage("cannot read class file x.class: not a class file (bad magic number)");
    }

    @Test
    void rejectsAnUnknownConstantTag() {
        byte[] bytes = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 2, 99};

        assertThatThrownBy(() -> ClassFile.parse(bytes, "x.class"))
                .isInstanceOf(ClassFileException.class)
                .hasMessage("cannot read class file x.class: unknown constant pool tag 99 at index 1");
    }

    private static String internal(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    private static byte[] bytes(Class<?> type) throws IOException {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        return Files.readAllBytes(jrt.getPath("/modules/java.base/" + internal(type) + ".class"));
    }
}
