package main

// The fn4j Go host, written from docs/protocol.md: connects FN4J_CONCURRENCY times to the
// runtime's socket, sends Hello on each connection and answers one Invoke at a time with the
// result of the function's Handle(ctx context.Context, input T) (R, error). docs/languages.md
// describes how bodies map to T and R and what the context carries.

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net"
	"os"
	"reflect"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"
)

const stackLimit = 256 * 1024

type host struct {
	socketPath   string
	instanceID   string
	handler      string
	functionName string
	concurrency  int
	config       map[string]string
	logLimit     int
	streamMillis int
	fn           reflect.Value
	input        reflect.Type
	output       *outputRouter
	mu           sync.Mutex
	calls        map[*connection]*runningCall // the call running on each connection
}

type runningCall struct {
	requestID string
	capture   *capture
}

type connection struct {
	conn net.Conn
	mu   sync.Mutex // held while writing a frame, so a call's frames never interleave
}

func (c *connection) send(frame []byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, err := c.conn.Write(frame)
	return err
}

func fail(code int, message string) {
	fmt.Fprintf(os.Stderr, "fn4j-host: %s\n", message)
	os.Exit(code)
}

func envInt(name string, def, min, max int) int {
	raw := os.Getenv(name)
	if raw == "" {
		return def
	}
	v, err := strconv.Atoi(raw)
	if err != nil || v < min || v > max {
		fail(2, fmt.Sprintf("%s must be a whole number from %d to %d, got '%s'", name, min, max, raw))
	}
	return v
}

func serve(handle interface{}) {
	h := &host{
		socketPath:   os.Getenv("FN4J_SOCKET"),
		instanceID:   os.Getenv("FN4J_INSTANCE_ID"),
		handler:      os.Getenv("FN4J_HANDLER"),
		functionName: os.Getenv("FN4J_FUNCTION"),
		concurrency:  envInt("FN4J_CONCURRENCY", 1, 1, 1000),
		logLimit:     envInt("FN4J_LOG_LIMIT_BYTES", 0, 0, 16777216),
		streamMillis: envInt("FN4J_LOG_STREAM_MILLIS", 0, 0, 1000),
		config:       map[string]string{},
		calls:        map[*connection]*runningCall{},
	}
	if h.socketPath == "" {
		h.socketPath = "/fn4j/fn.sock"
	}
	for _, key := range strings.Split(os.Getenv("FN4J_CONFIG_KEYS"), ",") {
		if value, ok := os.LookupEnv(key); ok && key != "" {
			h.config[key] = value
		}
	}
	if problem := h.check(handle); problem != "" {
		h.reportStartupFailure(problem)
	}
	if h.logLimit > 0 {
		h.output = routeOutput()
	}
	conns := make([]*connection, h.concurrency)
	for i := range conns {
		conns[i] = &connection{conn: h.connect()}
	}
	if h.streamMillis > 0 && h.logLimit > 0 {
		go h.streamLoop()
	}
	var wg sync.WaitGroup
	for i, c := range conns {
		wg.Add(1)
		go func(index int, c *connection) {
			defer wg.Done()
			h.serveConnection(index, c)
		}(i, c)
	}
	wg.Wait()
	os.Exit(0)
}

// check returns why handle is not a func(context.Context, T) (R, error), or "".
func (h *host) check(handle interface{}) string {
	prefix := "handler " + h.handler + ": "
	v := reflect.ValueOf(handle)
	t := v.Type()
	ctxType := reflect.TypeOf((*context.Context)(nil)).Elem()
	errType := reflect.TypeOf((*error)(nil)).Elem()
	if t.Kind() != reflect.Func || t.NumIn() != 2 || t.NumOut() != 2 || t.IsVariadic() ||
		t.In(0) != ctxType || t.Out(1) != errType {
		return prefix + "Handle must be func(ctx context.Context, input T) (R, error), it is " + t.String()
	}
	h.fn = v
	h.input = t.In(1)
	return ""
}

func (h *host) connect() net.Conn {
	deadline := time.Now().Add(2 * time.Second)
	for {
		c, err := net.Dial("unix", h.socketPath)
		if err == nil {
			return c
		}
		if time.Now().After(deadline) {
			fail(1, fmt.Sprintf("cannot connect to %s: %v", h.socketPath, err))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (h *host) reportStartupFailure(message string) {
	fmt.Fprintf(os.Stderr, "fn4j-host: %s\n", message)
	if _, err := os.Stat(h.socketPath); err == nil {
		if c, err := net.Dial("unix", h.socketPath); err == nil {
			c.Write(platformError("", "handler_failed", message, true))
			c.SetReadDeadline(time.Now().Add(5 * time.Second))
			buf := make([]byte, 4096)
			for {
				if _, err := c.Read(buf); err != nil {
					break
				}
			}
		}
	}
	os.Exit(2)
}

func (h *host) serveConnection(index int, c *connection) {
	hello, _ := newFrame(typeHello).string(h.instanceID).u32(uint32(index)).string(h.handler).done()
	if err := c.send(hello); err != nil {
		fail(1, fmt.Sprintf("connection %d: %v", index, err))
	}
	for {
		call, err := readInvoke(c.conn)
		if err == errClean {
			return
		}
		if err != nil {
			fail(1, fmt.Sprintf("connection %d: %v", index, err))
		}
		if err := h.call(c, call); err != nil {
			fail(1, fmt.Sprintf("connection %d: %v", index, err))
		}
	}
}

func (h *host) call(c *connection, call *invoke) error {
	var capt *capture
	if h.logLimit > 0 {
		capt = newCapture(h.logLimit)
		h.mu.Lock()
		h.calls[c] = &runningCall{call.requestID, capt}
		h.mu.Unlock()
		if h.output != nil {
			h.output.begin(capt)
		}
	}
	answer := h.answer(call, capt)
	if capt != nil && h.output != nil {
		h.output.end(capt)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	// Under the connection's lock, so no LogLines of this call can follow its Logs.
	h.mu.Lock()
	delete(h.calls, c)
	h.mu.Unlock()
	if capt != nil {
		if text, truncated := capt.close(); text != "" {
			logs, _ := newFrame(typeLogs).string(call.requestID).string(text).bool(truncated).done()
			if _, err := c.conn.Write(logs); err != nil {
				return err
			}
		}
	}
	_, err := c.conn.Write(answer)
	return err
}

// answer runs the function and returns the frame that answers the call.
func (h *host) answer(call *invoke, capt *capture) []byte {
	input, err := decodeInput(h.input, call.body)
	if err != nil {
		return platformError(call.requestID, "bad_input", err.Error(), false)
	}
	ctx, cancel := h.context(call, capt)
	defer cancel()
	output, errType, message, stack := h.invoke(ctx, input)
	if errType != "" {
		b, _ := newFrame(typeFunctionError).string(call.requestID).string(errType).string(message).string(stack).done()
		return b
	}
	headers, body, err := encodeOutput(output)
	if err != nil {
		return platformError(call.requestID, "bad_output", err.Error(), false)
	}
	b, err := newFrame(typeResult).string(call.requestID).headers(headers).bytes(body).done()
	if err != nil {
		return platformError(call.requestID, "bad_output", "the result "+err.Error(), false)
	}
	return b
}

// invoke calls Handle; a returned error or a panic is the function's error.
func (h *host) invoke(ctx context.Context, input reflect.Value) (output interface{}, errType, message, stack string) {
	defer func() {
		if r := recover(); r != nil {
			errType = "panic"
			if err, ok := r.(error); ok {
				errType = fmt.Sprintf("panic %T", err)
			}
			message = fmt.Sprint(r)
			stack = string(debug.Stack())
			if len(stack) > stackLimit {
				stack = strings.ToValidUTF8(stack[:stackLimit], "")
			}
		}
	}()
	results := h.fn.Call([]reflect.Value{reflect.ValueOf(ctx), input})
	if e, _ := results[1].Interface().(error); e != nil {
		return nil, fmt.Sprintf("%T", e), e.Error(), fmt.Sprintf("%+v", e)
	}
	return results[0].Interface(), "", "", ""
}

// context carries the deadline and, as values, the request id, function name, logger and config.
func (h *host) context(call *invoke, capt *capture) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithDeadline(context.Background(), time.UnixMilli(call.deadline))
	ctx = context.WithValue(ctx, "fn4j.requestId", call.requestID)
	ctx = context.WithValue(ctx, "fn4j.functionName", h.functionName)
	ctx = context.WithValue(ctx, "fn4j.config", h.config)
	ctx = context.WithValue(ctx, "fn4j.logger", log.New(&callLog{h: h, requestID: call.requestID, capture: capt}, "", 0))
	return ctx, cancel
}

// callLog writes logger lines as `<ISO time> INFO [<requestId>] <message>` to the container's
// stderr and, exactly, into the call's capture.
type callLog struct {
	h         *host
	requestID string
	capture   *capture
}

func (l *callLog) Write(p []byte) (int, error) {
	message := strings.TrimSuffix(string(p), "\n")
	level := "INFO"
	for _, l := range []string{"WARN", "ERROR"} {
		if strings.HasPrefix(message, l+" ") {
			level, message = l, strings.TrimPrefix(message, l+" ")
		}
	}
	line := fmt.Sprintf("%s %s [%s] %s\n", time.Now().UTC().Format("2006-01-02T15:04:05.000Z"), level, l.requestID, message)
	if l.h.output != nil {
		// What the call printed before this line goes through the pipe first, keeping write order.
		l.h.output.sync()
		l.h.output.real.Write([]byte(line))
	} else {
		os.Stderr.Write([]byte(line))
	}
	if l.capture != nil {
		l.capture.write([]byte(line))
	}
	return len(p), nil
}

func decodeInput(t reflect.Type, body []byte) (reflect.Value, error) {
	rawType := reflect.TypeOf(json.RawMessage(nil))
	switch {
	case t.Kind() == reflect.String:
		return reflect.ValueOf(string(body)).Convert(t), nil
	case t == rawType:
		if len(body) > 0 && !json.Valid(body) {
			return reflect.Value{}, fmt.Errorf("the body is not JSON")
		}
		return reflect.ValueOf(json.RawMessage(body)), nil
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8:
		return reflect.ValueOf(body).Convert(t), nil
	}
	target := reflect.New(t)
	if len(body) > 0 {
		if err := json.Unmarshal(body, target.Interface()); err != nil {
			return reflect.Value{}, fmt.Errorf("the body is not JSON for %s: %v", t, err)
		}
	}
	return target.Elem(), nil
}

func encodeOutput(v interface{}) ([]header, []byte, error) {
	if v == nil {
		return nil, nil, nil
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Ptr, reflect.Map, reflect.Interface:
		if rv.IsNil() {
			return nil, nil, nil
		}
	}
	switch x := v.(type) {
	case string:
		return []header{{"content-type", "text/plain; charset=utf-8"}}, []byte(x), nil
	case json.RawMessage:
		return []header{{"content-type", "application/json"}}, x, nil
	case []byte:
		return []header{{"content-type", "application/octet-stream"}}, x, nil
	}
	body, err := json.Marshal(v)
	if err != nil {
		return nil, nil, fmt.Errorf("the result cannot be encoded as JSON: %v", err)
	}
	return []header{{"content-type", "application/json"}}, body, nil
}

// streamLoop sends every running call's new whole lines, once per interval.
func (h *host) streamLoop() {
	tick := time.NewTicker(time.Duration(h.streamMillis) * time.Millisecond)
	for range tick.C {
		h.mu.Lock()
		running := make(map[*connection]*runningCall, len(h.calls))
		for c, call := range h.calls {
			running[c] = call
		}
		h.mu.Unlock()
		for c, call := range running {
			c.mu.Lock()
			h.mu.Lock()
			still := h.calls[c] == call
			h.mu.Unlock()
			if still {
				if lines := call.capture.newLines(); lines != nil {
					frame, _ := newFrame(typeLogLines).string(call.requestID).bytes(lines).done()
					c.conn.Write(frame)
				}
			}
			c.mu.Unlock()
		}
	}
}
