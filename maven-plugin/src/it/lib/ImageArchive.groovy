// Reads an image archive as Jib writes it (docker-archive tar: manifest.json, the config, one
// tar.gz per layer) without any tool: the invoker verify scripts load this with GroovyShell.
import groovy.json.JsonSlurper
import java.util.zip.GZIPInputStream

/** Every regular entry of a tar stream: name -> bytes (names without a leading "/" or "./"). */
Map<String, byte[]> tarEntries(InputStream input) {
    Map<String, byte[]> entries = [:]
    byte[] header = new byte[512]
    String paxPath = null
    while (input.readNBytes(header, 0, 512) == 512 && !header.every { it == 0 }) {
        String name = field(header, 0, 100)
        String prefix = field(header, 345, 155)
        if (prefix) {
            name = prefix + '/' + name
        }
        String octal = field(header, 124, 12).trim()
        int size = octal ? Integer.parseInt(octal, 8) : 0
        char type = (char) header[156]
        byte[] data = input.readNBytes(size)
        input.skipNBytes((512 - size % 512) % 512)
        if (type == 'x' as char) {
            paxPath = paxValue(data, 'path')
            continue
        }
        if (paxPath) {
            name = paxPath
            paxPath = null
        }
        if (type == '0' as char || type == 0 as char) {
            entries[name.replaceFirst('^\\./', '').replaceFirst('^/', '')] = data
        }
    }
    return entries
}

private String field(byte[] header, int offset, int length) {
    int end = offset
    while (end < offset + length && header[end] != 0) {
        end++
    }
    return new String(header, offset, end - offset, 'UTF-8')
}

private String paxValue(byte[] data, String key) {
    for (String record : new String(data, 'UTF-8').split('\n')) {
        int space = record.indexOf(' ')
        int equals = record.indexOf('=')
        if (space > 0 && equals > space && record.substring(space + 1, equals) == key) {
            return record.substring(equals + 1)
        }
    }
    return null
}

/** The archive's manifest, config and the files of every layer, keyed by layer. */
Map readImage(File archive) {
    Map<String, byte[]> outer = archive.withInputStream { tarEntries(it) }
    def manifest = new JsonSlurper().parse(outer['manifest.json'])[0]
    def config = new JsonSlurper().parse(outer[manifest.Config])
    def layers = manifest.Layers.collect { String layer ->
        byte[] bytes = outer[layer]
        InputStream data = new ByteArrayInputStream(bytes)
        if ((bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            data = new GZIPInputStream(data)
        }
        tarEntries(data)
    }
    return [manifest: manifest, config: config, layers: layers]
}

return this
