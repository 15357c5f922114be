package dev.fn4j.image;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * The few facts about a class file the handler scan needs, read with a small parser of the
 * class file format (JVMS chapter 4) so no user class is ever loaded or initialized.
 *
 * @param name            internal name, for example {@code com/example/Hello$Inner}
 * @param superName       internal name of the superclass, null only for java/lang/Object and modules
 * @param interfaces      internal names of the directly implemented (or extended) interfaces
 * @param accessFlags     the class's own access flags; for a nested class, from its InnerClasses entry
 * @param nested          whether the class is a member, local or anonymous class
 * @param memberClass     whether the class is a named member of another class (not local or anonymous)
 * @param publicNoArgConstructor whether it declares {@code public <init>()V}
 */
record ClassFile(
        String name,
        String superName,
        List<String> interfaces,
        int accessFlags,
        boolean nested,
        boolean memberClass,
        boolean publicNoArgConstructor) {

    static final int ACC_PUBLIC = 0x0001;
    static final int ACC_STATIC = 0x0008;
    static final int ACC_INTERFACE = 0x0200;
    static final int ACC_ABSTRACT = 0x0400;
    static final int ACC_ANNOTATION = 0x2000;
    static final int ACC_ENUM = 0x4000;
    static final int ACC_MODULE = 0x8000;

    private static final int MAGIC = 0xCAFEBABE;

    // Constant pool tags, JVMS §4.4.
    private static final int UTF8 = 1;
    private static final int INTEGER = 3;
    private static final int FLOAT = 4;
    private static final int LONG = 5;
    private static final int DOUBLE = 6;
    private static final int CLASS = 7;
    private static final int STRING = 8;
    private static final int FIELDREF = 9;
    private static final int METHODREF = 10;
    private static final int INTERFACE_METHODREF = 11;
    private static final int NAME_AND_TYPE = 12;
    private static final int METHOD_HANDLE = 15;
    private static final int METHOD_TYPE = 16;
    private static final int DYNAMIC = 17;
    private static final int INVOKE_DYNAMIC = 18;
    private static final int MODULE = 19;
    private static final int PACKAGE = 20;

    ClassFile {
        interfaces = List.copyOf(interfaces);
    }

    boolean isInterface() {
        return (accessFlags & ACC_INTERFACE) != 0;
    }

    boolean isAbstract() {
        return (accessFlags & ACC_ABSTRACT) != 0;
    }

    boolean isPublic() {
        return (accessFlags & ACC_PUBLIC) != 0;
    }

    boolean isStatic() {
        return (accessFlags & ACC_STATIC) != 0;
    }

    /** The name {@code Class.forName} takes, for example {@code com.example.Hello$Inner}. */
    String className() {
        return name.replace('/', '.');
    }

    /**
     * Parses a class file.
     *
     * @param source where the bytes came from, for the error message
     * @throws ClassFileException when the bytes are not a well-formed class file
     */
    static ClassFile parse(byte[] bytes, String source) throws ClassFileException {
        try {
            return read(new DataInputStream(new ByteArrayInputStream(bytes)), source);
        } catch (ClassFileException e) {
            throw e;
        } catch (EOFException e) {
            throw new ClassFileException(source, "truncated class file", e);
        } catch (UTFDataFormatException e) {
            throw new ClassFileException(source, "malformed UTF-8 constant", e);
        } catch (IOException e) {
            // A ByteArrayInputStream never fails otherwise; keep the cause anyway.
            throw new ClassFileException(source, e.getMessage(), e);
        }
    }

    private static ClassFile read(DataInputStream in, String source) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new ClassFileException(source, "not a class file (bad magic number)", null);
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version: any; only the structure below matters
        ConstantPool pool = ConstantPool.read(in, source);

        int accessFlags = in.readUnsignedShort();
        String name = pool.className(in.readUnsignedShort());
        int superIndex = in.readUnsignedShort();
        String superName = superIndex == 0 ? null : pool.className(superIndex);
        int interfaceCount = in.readUnsignedShort();
        List<String> interfaces = new ArrayList<>(interfaceCount);
        for (int i = 0; i < interfaceCount; i++) {
            interfaces.add(pool.className(in.readUnsignedShort()));
        }

        skipMembers(in); // fields
        boolean publicNoArg = false;
        int methodCount = in.readUnsignedShort();
        for (int i = 0; i < methodCount; i++) {
            int flags = in.readUnsignedShort();
            String methodName = pool.utf8(in.readUnsignedShort());
            String descriptor = pool.utf8(in.readUnsignedShort());
            publicNoArg |= (flags & ACC_PUBLIC) != 0 && methodName.equals("<init>") && descriptor.equals("()V");
            skipAttributes(in);
        }

        boolean nested = false;
        boolean member = false;
        int attributeCount = in.readUnsignedShort();
        for (int i = 0; i < attributeCount; i++) {
            String attribute = pool.utf8(in.readUnsignedShort());
            int length = in.readInt();
            if (!attribute.equals("InnerClasses")) {
                in.skipNBytes(Integer.toUnsignedLong(length));
                continue;
            }
            int classes = in.readUnsignedShort();
            for (int c = 0; c < classes; c++) {
                int inner = in.readUnsignedShort();
                int outer = in.readUnsignedShort();
                int innerName = in.readUnsignedShort();
                int innerFlags = in.readUnsignedShort();
                // The entry describing this class itself carries its real source-level modifiers.
                if (inner != 0 && pool.className(inner).equals(name)) {
                    nested = true;
                    member = outer != 0 && innerName != 0;
                    accessFlags = innerFlags;
                }
            }
        }
        return new ClassFile(name, superName, interfaces, accessFlags, nested, member, publicNoArg);
    }

    private static void skipMembers(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            in.skipNBytes(6); // access flags, name index, descriptor index
            skipAttributes(in);
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            in.readUnsignedShort();
            in.skipNBytes(Integer.toUnsignedLong(in.readInt()));
        }
    }

    /** The constant pool, keeping only what names need: Utf8 strings and Class entries. */
    private static final class ConstantPool {
        private final String source;
        /** Index → Utf8 text; null where the entry is not Utf8. */
        private final String[] utf8;
        /** Index → name index of a Class entry; 0 where the entry is not a Class. */
        private final int[] classNames;

        private ConstantPool(String source, int count) {
            this.source = source;
            this.utf8 = new String[count];
            this.classNames = new int[count];
        }

        static ConstantPool read(DataInputStream in, String source) throws IOException {
            int count = in.readUnsignedShort();
            ConstantPool pool = new ConstantPool(source, count);
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case UTF8 -> pool.utf8[i] = in.readUTF(); // u2 length + modified UTF-8, as readUTF expects
                    case CLASS -> pool.classNames[i] = in.readUnsignedShort();
                    case STRING, METHOD_TYPE, MODULE, PACKAGE -> in.skipNBytes(2);
                    case METHOD_HANDLE -> in.skipNBytes(3);
                    case INTEGER,
                            FLOAT,
                            FIELDREF,
                            METHODREF,
                            INTERFACE_METHODREF,
                            NAME_AND_TYPE,
                            DYNAMIC,
                            INVOKE_DYNAMIC -> in.skipNBytes(4);
                    case LONG, DOUBLE -> {
                        in.skipNBytes(8);
                        i++; // eight-byte constants take two slots (JVMS §4.4.5)
                    }
                    default ->
                        throw new ClassFileException(
                                source, "unknown constant pool tag " + tag + " at index " + i, null);
                }
            }
            return pool;
        }

        String utf8(int index) throws ClassFileException {
            if (index <= 0 || index >= utf8.length || utf8[index] == null) {
                throw new ClassFileException(source, "constant pool index " + index + " is not a Utf8 entry", null);
            }
            return utf8[index];
        }

        String className(int index) throws ClassFileException {
            if (index <= 0 || index >= classNames.length || classNames[index] == 0) {
                throw new ClassFileException(source, "constant pool index " + index + " is not a Class entry", null);
            }
            return utf8(classNames[index]);
        }
    }
}
