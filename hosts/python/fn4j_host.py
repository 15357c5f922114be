"""fn4j Python host: speaks docs/protocol.md (version 1) for a module's handle(input, context).

Written from docs/protocol.md alone, with the standard library only. The runtime listens on a Unix
socket; this host imports the function's module, opens FN4J_CONCURRENCY connections, sends Hello
on each and answers one Invoke at a time per connection. docs/languages.md describes the Python
side: which module is loaded, how bodies map to arguments and results, and the context.
"""

import datetime
import importlib
import inspect
import json
import os
import socket
import struct
import sys
import threading
import time
import traceback

VERSION = 1
MAX_LENGTH = 64 * 1024 * 1024
HELLO, INVOKE, RESULT, FUNCTION_ERROR, PLATFORM_ERROR, LOGS, LOG_LINES = 1, 2, 3, 4, 5, 6, 7
STACK_LIMIT = 256 * 1024
MARKER = "\u2026 [fn4j: log truncated after {} bytes]\n"


class ProtocolError(Exception):
    """A frame the protocol does not allow; the connection is closed, never resynchronised."""


# ---------------------------------------------------------------------------------------------
# Framing: u32 length | u8 version | u8 type | fields, all big-endian.


class Reader:
    """Reads one frame's fields and refuses any that would run past its end."""

    def __init__(self, payload):
        self.payload = payload
        self.pos = 0

    def take(self, n):
        if self.pos + n > len(self.payload):
            raise ProtocolError("field runs past the frame")
        data = self.payload[self.pos : self.pos + n]
        self.pos += n
        return data

    def u32(self):
        return struct.unpack(">I", self.take(4))[0]

    def i64(self):
        return struct.unpack(">q", self.take(8))[0]

    def bytes_(self):
        return self.take(self.u32())

    def string(self):
        try:
            return self.bytes_().decode("utf-8")
        except UnicodeDecodeError as e:
            raise ProtocolError("string is not UTF-8: " + str(e))

    def headers(self):
        return [(self.string(), self.string()) for _ in range(self.u32())]

    def end(self):
        if self.pos != len(self.payload):
            raise ProtocolError("trailing bytes after the frame's last field")


def read_exactly(sock, n, between_frames):
    """Reads n bytes; None at a clean end of stream between frames, ProtocolError inside one."""
    chunks = []
    left = n
    while left:
        chunk = sock.recv(min(left, 1 << 20))
        if not chunk:
            if between_frames and left == n:
                return None
            raise ProtocolError("end of stream inside a frame")
        chunks.append(chunk)
        left -= len(chunk)
        between_frames = False
    return b"".join(chunks)


def read_invoke(sock):
    """The next Invoke as (requestId, deadline, headers, body), or None at a clean close."""
    prefix = read_exactly(sock, 4, True)
    if prefix is None:
        return None
    length = struct.unpack(">I", prefix)[0]
    if length < 2 or length > MAX_LENGTH:
        raise ProtocolError("frame length out of range: %d" % length)
    payload = read_exactly(sock, length, False)
    if payload[0] != VERSION:
        raise ProtocolError("unknown version %d" % payload[0])
    if payload[1] != INVOKE:
        raise ProtocolError("frame type %d is not allowed from the runtime" % payload[1])
    r = Reader(payload[2:])
    frame = (r.string(), r.i64(), r.headers(), r.bytes_())
    r.end()
    return frame


def f_string(value):
    data = value.encode("utf-8", "replace")
    return struct.pack(">I", len(data)) + data


def f_bytes(data):
    return struct.pack(">I", len(data)) + bytes(data)


def f_headers(pairs):
    return struct.pack(">I", len(pairs)) + b"".join(f_string(n) + f_string(v) for n, v in pairs)


def frame(kind, *fields):
    body = bytes([VERSION, kind]) + b"".join(fields)
    if len(body) > MAX_LENGTH:
        raise ValueError("frame of %d bytes exceeds 64 MiB" % len(body))
    return struct.pack(">I", len(body)) + body


# ---------------------------------------------------------------------------------------------
# Output capture: sys.stdout and sys.stderr route each write to the writing thread's call.


class Capture:
    """One call's captured output: the first `limit` bytes of UTF-8, and how much was streamed."""

    def __init__(self, limit):
        self.limit = limit
        self.data = bytearray()
        self.truncated = False
        self.streamed = 0
        self.open = True
        self.lock = threading.Lock()

    def write(self, text):
        data = text.encode("utf-8", "replace")
        with self.lock:
            if not self.open or not data:
                return
            room = self.limit - len(self.data)
            if len(data) <= room:
                self.data += data
                return
            cut = room
            # Cut before a character that would not fit whole: never inside a continuation byte.
            while cut > 0 and (data[cut] & 0xC0) == 0x80:
                cut -= 1
            self.data += data[:cut]
            self.truncated = True

    def new_lines(self):
        """The whole lines captured since the last call, marked as streamed, or b''."""
        with self.lock:
            end = self.data.rfind(b"\n") + 1
            if end <= self.streamed:
                return b""
            lines = bytes(self.data[self.streamed : end])
            self.streamed = end
            return lines

    def close(self):
        """Stops capturing and returns (text, truncated) for the Logs frame."""
        with self.lock:
            self.open = False
            text = self.data.decode("utf-8", "replace")
            if self.truncated:
                if text and not text.endswith("\n"):
                    text += "\n"
                text += MARKER.format(self.limit)
            return text, self.truncated


def current_capture():
    return getattr(threading.current_thread(), "_fn4j_capture", None)


class Router:
    """Stands in for sys.stdout or sys.stderr: writes go to the real stream and the call's capture."""

    def __init__(self, real):
        self.real = real
        self.encoding = "utf-8"
        self.errors = "replace"

    def write(self, text):
        if isinstance(text, (bytes, bytearray)):
            text = bytes(text).decode("utf-8", "replace")
        self.real.write(text)
        capture = current_capture()
        if capture is not None:
            capture.write(text)
        return len(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self.real.flush()

    def isatty(self):
        return False

    def fileno(self):
        return self.real.fileno()

    def __getattr__(self, name):
        return getattr(self.real, name)


def install_capture():
    """Routes stdout and stderr per call; threads a call starts write into that call's capture."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(line_buffering=True, encoding="utf-8", errors="replace")
        except (AttributeError, ValueError):
            pass
    sys.stdout = Router(sys.stdout)
    sys.stderr = Router(sys.stderr)
    original_start = threading.Thread.start

    def start(thread):
        thread._fn4j_capture = current_capture()
        return original_start(thread)

    threading.Thread.start = start


# ---------------------------------------------------------------------------------------------
# The function's side: its module, the context, and how bodies map to arguments and results.


class Logger:
    """Writes `<ISO time> <LEVEL> [<requestId>] <message>` lines to stderr, so into the call's logs."""

    def __init__(self, request_id):
        self.request_id = request_id

    def _line(self, level, message):
        now = datetime.datetime.now(datetime.timezone.utc)
        stamp = now.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (now.microsecond // 1000)
        sys.stderr.write("%s %s [%s] %s\n" % (stamp, level, self.request_id, message))
        sys.stderr.flush()

    def info(self, message):
        self._line("INFO", message)

    def warn(self, message):
        self._line("WARN", message)

    warning = warn

    def error(self, message, exc=None):
        if exc is not None:
            message = "%s\n%s" % (message, "".join(traceback.format_exception(exc)).rstrip("\n"))
        self._line("ERROR", message)


class Context:
    """Per call: request id, function name, deadline, remaining time, logger and configuration."""

    def __init__(self, request_id, deadline_millis, function_name, config):
        self.request_id = request_id
        self.function_name = function_name
        self.deadline_millis = deadline_millis
        self.deadline = datetime.datetime.fromtimestamp(deadline_millis / 1000.0, datetime.timezone.utc)
        self.config = dict(config)
        self.logger = Logger(request_id)

    def remaining_millis(self):
        """Milliseconds until the deadline, never negative."""
        return max(0, self.deadline_millis - int(time.time() * 1000))


class StartupError(Exception):
    """The handler cannot be loaded; its message is the host's one line."""


def load_handler(handler, code_dir):
    """Imports the module named by the handler and returns (handle, input kind, parameter count)."""
    for folder in (code_dir, os.path.join(code_dir, "vendor"), os.path.join(code_dir, "lib")):
        if os.path.isdir(folder) and folder not in sys.path:
            sys.path.insert(1 if folder != code_dir else 0, folder)
    module_name = handler[:-3] if handler.endswith(".py") else handler
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as e:
        if e.name and module_name.startswith(e.name):
            raise StartupError("handler %s: no module %s in %s" % (handler, module_name, code_dir))
        raise StartupError("handler %s: importing it threw %s" % (handler, describe(e)))
    except BaseException as e:
        raise StartupError("handler %s: importing it threw %s" % (handler, describe(e)))
    handle = getattr(module, "handle", None)
    if not callable(handle):
        raise StartupError("handler %s: module %s defines no function handle(input, context)" % (handler, module_name))
    try:
        parameters = list(inspect.signature(handle).parameters.values())
    except (TypeError, ValueError):
        parameters = []
    if len(parameters) not in (1, 2):
        raise StartupError("handler %s: handle must take (input, context), it takes %d parameters" % (handler, len(parameters)))
    return handle, input_kind(parameters[0].annotation), len(parameters)


def input_kind(annotation):
    """'text' for str, 'bytes' for bytes, otherwise 'json' (also when not annotated)."""
    if annotation in (str, "str"):
        return "text"
    if annotation in (bytes, "bytes", bytearray, "bytearray"):
        return "bytes"
    return "json"


def describe(e):
    text = str(e)
    return type_name(e) + (": " + text if text else "")


def type_name(e):
    cls = type(e)
    return cls.__qualname__ if cls.__module__ == "builtins" else cls.__module__ + "." + cls.__qualname__


def decode_input(kind, body):
    if kind == "bytes":
        return bytes(body)
    if kind == "text":
        return body.decode("utf-8", "replace")
    if not body:
        return None
    return json.loads(body.decode("utf-8"))


def encode_output(value):
    """(headers, body) for a plain handler's return value."""
    if value is None:
        return [], b""
    if isinstance(value, str):
        return [("content-type", "text/plain; charset=utf-8")], value.encode("utf-8", "replace")
    if isinstance(value, (bytes, bytearray, memoryview)):
        return [("content-type", "application/octet-stream")], bytes(value)
    return [("content-type", "application/json")], json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8"
    )


# ---------------------------------------------------------------------------------------------
# The host: connections, calls, live lines and exit codes.


class Host:
    def __init__(self, env):
        self.socket_path = env.get("FN4J_SOCKET") or "/fn4j/fn.sock"
        self.instance_id = env.get("FN4J_INSTANCE_ID", "")
        self.handler = env.get("FN4J_HANDLER", "")
        self.function_name = env.get("FN4J_FUNCTION", "")
        self.concurrency = int(env.get("FN4J_CONCURRENCY") or "1")
        keys = [k for k in (env.get("FN4J_CONFIG_KEYS") or "").split(",") if k]
        self.config = {k: env[k] for k in keys if k in env}
        self.log_limit = int(env.get("FN4J_LOG_LIMIT_BYTES") or "0")
        stream = int(env.get("FN4J_LOG_STREAM_MILLIS") or "0")
        self.stream_millis = stream if self.log_limit > 0 else 0
        self.code_dir = env.get("FN4J_CODE_DIR") or os.getcwd()
        self.calls = {}  # connection index -> (connection, capture, request id) of its running call
        self.calls_lock = threading.Lock()

    def check(self):
        if not self.handler:
            raise StartupError("FN4J_HANDLER is not set")
        if not 1 <= self.concurrency <= 1000:
            raise StartupError("FN4J_CONCURRENCY must be 1-1000, got %d" % self.concurrency)
        if not 0 <= self.log_limit <= 16777216:
            raise StartupError("FN4J_LOG_LIMIT_BYTES must be 0-16777216, got %d" % self.log_limit)

    def connect(self):
        """Connects within about 2 s or exits 1."""
        deadline = time.monotonic() + 2.0
        while True:
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                s.connect(self.socket_path)
                return s
            except OSError as e:
                s.close()
                if time.monotonic() >= deadline:
                    fail(1, "cannot connect to %s: %s" % (self.socket_path, e))
                time.sleep(0.05)

    def report_startup_failure(self, message):
        """Sends handler_failed in place of Hello, waits up to 5 s for the close, exits 2."""
        sys.__stderr__.write("fn4j-host: %s\n" % message)
        sys.__stderr__.flush()
        if os.path.exists(self.socket_path):
            try:
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                s.connect(self.socket_path)
                s.sendall(frame(PLATFORM_ERROR, f_string(""), f_string("handler_failed"), f_string(message), b"\x01"))
                s.settimeout(5.0)
                while s.recv(4096):
                    pass
            except OSError:
                pass
        os._exit(2)

    def run(self):
        try:
            self.check()
            install_capture()
            self.handle, self.kind, self.arity = load_handler(self.handler, self.code_dir)
        except StartupError as e:
            self.report_startup_failure(str(e))
        sockets = [self.connect() for _ in range(self.concurrency)]
        if self.stream_millis > 0:
            threading.Thread(target=self.stream_loop, name="fn4j-log-stream", daemon=True).start()
        threads = []
        for index, s in enumerate(sockets):
            t = threading.Thread(target=self.serve, args=(index, s), name="fn4j-connection-%d" % index, daemon=True)
            t.start()
            threads.append(t)
        for t in threads:
            t.join()
        os._exit(0)

    def serve(self, index, s):
        connection = Connection(s)
        try:
            connection.send(frame(HELLO, f_string(self.instance_id), struct.pack(">I", index), f_string(self.handler)))
            while True:
                invoke = read_invoke(s)
                if invoke is None:
                    return
                self.call(index, connection, *invoke)
        except (ProtocolError, OSError) as e:
            fail(1, "connection %d: %s" % (index, e))

    def call(self, index, connection, request_id, deadline, headers, body):
        capture = Capture(self.log_limit) if self.log_limit > 0 else None
        me = threading.current_thread()
        me._fn4j_capture = capture
        if capture is not None:
            with self.calls_lock:
                self.calls[index] = (connection, capture, request_id)
        try:
            answer, fatal = self.answer(request_id, deadline, body)
        finally:
            me._fn4j_capture = None
            sys.stdout.flush()
            sys.stderr.flush()
        with connection.lock:
            # Under the connection's lock, so no LogLines of this call can follow its Logs.
            with self.calls_lock:
                self.calls.pop(index, None)
            if capture is not None:
                text, truncated = capture.close()
                if text:
                    connection.send_locked(frame(LOGS, f_string(request_id), f_string(text), bytes([truncated])))
            connection.send_locked(answer)
        if fatal:
            sys.__stderr__.write("fn4j-host: fatal %s in call %s; halting\n" % (fatal, request_id))
            sys.__stderr__.flush()
            os._exit(3)

    def answer(self, request_id, deadline, body):
        """The answer frame for one call, and the fatal error's description when the host must halt."""
        rid = f_string(request_id)
        try:
            value = decode_input(self.kind, body)
        except ValueError as e:
            message = "the body is not JSON: %s" % e
            return frame(PLATFORM_ERROR, rid, f_string("bad_input"), f_string(message), b"\x00"), None
        context = Context(request_id, deadline, self.function_name, self.config)
        try:
            output = self.handle(value, context) if self.arity == 2 else self.handle(value)
        except MemoryError as e:
            text = describe(e)
            return frame(PLATFORM_ERROR, rid, f_string("out_of_memory"), f_string(text), b"\x01"), text
        except BaseException as e:  # SystemExit and KeyboardInterrupt from a handler are its errors too
            stack = "".join(traceback.format_exception(e))
            stack = stack.encode("utf-8", "replace")[:STACK_LIMIT].decode("utf-8", "ignore")
            return frame(FUNCTION_ERROR, rid, f_string(type_name(e)), f_string(str(e)), f_string(stack)), None
        try:
            headers, data = encode_output(output)
            return frame(RESULT, rid, f_headers(headers), f_bytes(data)), None
        except (TypeError, ValueError, OverflowError) as e:
            message = "the result cannot be encoded as JSON: %s" % e
            return frame(PLATFORM_ERROR, rid, f_string("bad_output"), f_string(message), b"\x00"), None

    def stream_loop(self):
        """Every interval, sends each running call's new whole lines as one LogLines frame."""
        while True:
            time.sleep(self.stream_millis / 1000.0)
            with self.calls_lock:
                running = list(self.calls.items())
            for index, (connection, capture, request_id) in running:
                with connection.lock:
                    with self.calls_lock:
                        if self.calls.get(index, (None, None))[1] is not capture:
                            continue  # the call ended: its Logs frame carries the rest
                    lines = capture.new_lines()
                    if lines:
                        try:
                            connection.send_locked(frame(LOG_LINES, f_string(request_id), f_bytes(lines)))
                        except OSError:
                            pass  # the connection's own thread sees the failure


class Connection:
    """One socket; frames are written whole under its lock, so a call's frames never interleave."""

    def __init__(self, s):
        self.socket = s
        self.lock = threading.Lock()

    def send(self, data):
        with self.lock:
            self.send_locked(data)

    def send_locked(self, data):
        self.socket.sendall(data)


def fail(code, message):
    try:
        sys.__stderr__.write("fn4j-host: %s\n" % message)
        sys.__stderr__.flush()
    finally:
        os._exit(code)


def main():
    try:
        host = Host(dict(os.environ))
    except ValueError as e:
        fail(2, "an FN4J_* variable is not a whole number: %s" % e)
    host.run()


if __name__ == "__main__":
    main()
