package main

// Framing of docs/protocol.md: u32 length | u8 version | u8 type | fields, all big-endian.

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

const (
	protocolVersion = 1
	maxLength       = 64 * 1024 * 1024

	typeHello         = 1
	typeInvoke        = 2
	typeResult        = 3
	typeFunctionError = 4
	typePlatformError = 5
	typeLogs          = 6
	typeLogLines      = 7
)

// errClean is the end of the stream between frames: the runtime asks the host to stop.
var errClean = errors.New("end of stream between frames")

type header struct{ name, value string }

type invoke struct {
	requestID string
	deadline  int64
	headers   []header
	body      []byte
}

type fieldReader struct {
	data []byte
	pos  int
	err  error
}

func (r *fieldReader) take(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || r.pos+n > len(r.data) {
		r.err = errors.New("field runs past the frame")
		return nil
	}
	b := r.data[r.pos : r.pos+n]
	r.pos += n
	return b
}

func (r *fieldReader) u32() uint32 {
	b := r.take(4)
	if b == nil {
		return 0
	}
	return binary.BigEndian.Uint32(b)
}

func (r *fieldReader) i64() int64 {
	b := r.take(8)
	if b == nil {
		return 0
	}
	return int64(binary.BigEndian.Uint64(b))
}

func (r *fieldReader) bytes() []byte {
	n := r.u32()
	if n > maxLength {
		r.err = errors.New("field runs past the frame")
		return nil
	}
	return r.take(int(n))
}

func (r *fieldReader) string() string {
	b := r.bytes()
	if r.err == nil && !utf8.Valid(b) {
		r.err = errors.New("string is not UTF-8")
	}
	return string(b)
}

// readInvoke reads the next frame, which must be an Invoke; errClean at a clean close.
func readInvoke(in io.Reader) (*invoke, error) {
	var prefix [4]byte
	if n, err := io.ReadFull(in, prefix[:]); err != nil {
		if n == 0 && err == io.EOF {
			return nil, errClean
		}
		return nil, fmt.Errorf("end of stream inside a frame: %v", err)
	}
	length := binary.BigEndian.Uint32(prefix[:])
	if length < 2 || length > maxLength {
		return nil, fmt.Errorf("frame length out of range: %d", length)
	}
	payload := make([]byte, length)
	if _, err := io.ReadFull(in, payload); err != nil {
		return nil, fmt.Errorf("end of stream inside a frame: %v", err)
	}
	if payload[0] != protocolVersion {
		return nil, fmt.Errorf("unknown version %d", payload[0])
	}
	if payload[1] != typeInvoke {
		return nil, fmt.Errorf("frame type %d is not allowed from the runtime", payload[1])
	}
	r := &fieldReader{data: payload[2:]}
	call := &invoke{requestID: r.string(), deadline: r.i64()}
	count := r.u32()
	for i := uint32(0); i < count && r.err == nil; i++ {
		call.headers = append(call.headers, header{r.string(), r.string()})
	}
	call.body = r.bytes()
	if r.err == nil && r.pos != len(r.data) {
		r.err = errors.New("trailing bytes after the frame's last field")
	}
	return call, r.err
}

type frameWriter struct{ buf []byte }

func newFrame(kind byte) *frameWriter {
	return &frameWriter{buf: []byte{0, 0, 0, 0, protocolVersion, kind}}
}

func (w *frameWriter) u32(v uint32) *frameWriter {
	w.buf = binary.BigEndian.AppendUint32(w.buf, v)
	return w
}

func (w *frameWriter) bytes(b []byte) *frameWriter {
	w.u32(uint32(len(b)))
	w.buf = append(w.buf, b...)
	return w
}

func (w *frameWriter) string(s string) *frameWriter {
	return w.bytes([]byte(s))
}

func (w *frameWriter) bool(v bool) *frameWriter {
	if v {
		w.buf = append(w.buf, 1)
	} else {
		w.buf = append(w.buf, 0)
	}
	return w
}

func (w *frameWriter) headers(hs []header) *frameWriter {
	w.u32(uint32(len(hs)))
	for _, h := range hs {
		w.string(h.name).string(h.value)
	}
	return w
}

// done fills in the length; an error when the frame would exceed 64 MiB.
func (w *frameWriter) done() ([]byte, error) {
	length := len(w.buf) - 4
	if length > maxLength {
		return nil, fmt.Errorf("frame of %d bytes exceeds 64 MiB", length)
	}
	binary.BigEndian.PutUint32(w.buf, uint32(length))
	return w.buf, nil
}

func platformError(requestID, code, message string, fatal bool) []byte {
	b, _ := newFrame(typePlatformError).string(requestID).string(code).string(message).bool(fatal).done()
	return b
}
