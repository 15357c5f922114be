package main

// Output capture: the process's stdout and stderr (file descriptors 1 and 2) both write into one
// pipe, which this host reads and copies to the container's stderr and into the running call's
// capture. One pipe keeps the write order of stdout and stderr; a call's own logger writes into
// its capture directly, so its lines are exact also when calls run at once.

import (
	"bytes"
	"fmt"
	"os"
	"sync"
	"syscall"
	"time"
	"unicode/utf8"
)

type capture struct {
	mu        sync.Mutex
	limit     int
	data      []byte
	truncated bool
	streamed  int
	open      bool
}

func newCapture(limit int) *capture {
	return &capture{limit: limit, open: true}
}

func (c *capture) write(p []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.open || len(p) == 0 {
		return
	}
	room := c.limit - len(c.data)
	if len(p) <= room {
		c.data = append(c.data, p...)
		return
	}
	cut := room
	// Cut before a character that would not fit whole: never inside a continuation byte.
	for cut > 0 && !utf8.RuneStart(p[cut]) {
		cut--
	}
	c.data = append(c.data, p[:cut]...)
	c.truncated = true
}

// newLines returns the whole lines captured since the last call, marking them streamed.
func (c *capture) newLines() []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	end := bytes.LastIndexByte(c.data, '\n') + 1
	if end <= c.streamed {
		return nil
	}
	lines := append([]byte(nil), c.data[c.streamed:end]...)
	c.streamed = end
	return lines
}

// close stops capturing and returns the Logs text and whether it was truncated.
func (c *capture) close() (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.open = false
	text := string(bytes.ToValidUTF8(c.data, []byte("\uFFFD")))
	if c.truncated {
		if len(text) > 0 && text[len(text)-1] != '\n' {
			text += "\n"
		}
		text += fmt.Sprintf("\u2026 [fn4j: log truncated after %d bytes]\n", c.limit)
	}
	return text, c.truncated
}

// outputRouter owns the pipe behind fds 1 and 2; it knows the calls that are running.
type outputRouter struct {
	mu      sync.Mutex
	real    *os.File // the container's stderr, as it was before the pipe took its place
	running map[*capture]bool
	syncs   map[string]chan struct{}
	seq     int
}

var syncPrefix = []byte("\x00fn4j-sync:")

// routeOutput points fds 1 and 2 at a pipe this host reads; nil when that is not possible.
func routeOutput() *outputRouter {
	realFd, err := syscall.Dup(2)
	if err != nil {
		return nil
	}
	r, w, err := os.Pipe()
	if err != nil {
		return nil
	}
	if syscall.Dup2(int(w.Fd()), 1) != nil || syscall.Dup2(int(w.Fd()), 2) != nil {
		return nil
	}
	w.Close()
	router := &outputRouter{
		real:    os.NewFile(uintptr(realFd), "stderr"),
		running: map[*capture]bool{},
		syncs:   map[string]chan struct{}{},
	}
	go router.pump(r)
	return router
}

// pump copies the pipe to the container's stderr and to the sole running call's capture.
func (o *outputRouter) pump(r *os.File) {
	buf := make([]byte, 64*1024)
	var pending []byte
	for {
		n, err := r.Read(buf)
		if n > 0 {
			pending = append(pending, buf[:n]...)
			pending = o.deliver(pending)
		}
		if err != nil {
			return
		}
	}
}

// deliver hands on everything up to a possible partial sync marker at the end, which it keeps.
func (o *outputRouter) deliver(data []byte) []byte {
	for {
		i := bytes.Index(data, syncPrefix)
		if i < 0 {
			keep := partialPrefix(data)
			o.emit(data[:len(data)-keep])
			return append([]byte(nil), data[len(data)-keep:]...)
		}
		o.emit(data[:i])
		end := bytes.IndexByte(data[i+len(syncPrefix):], 0)
		if end < 0 {
			return append([]byte(nil), data[i:]...)
		}
		id := string(data[i+len(syncPrefix) : i+len(syncPrefix)+end])
		o.mu.Lock()
		if ch, ok := o.syncs[id]; ok {
			close(ch)
			delete(o.syncs, id)
		}
		o.mu.Unlock()
		data = data[i+len(syncPrefix)+end+1:]
	}
}

// partialPrefix is how many bytes at the end of data could start a sync marker.
func partialPrefix(data []byte) int {
	for k := len(syncPrefix) - 1; k > 0; k-- {
		if len(data) >= k && bytes.Equal(data[len(data)-k:], syncPrefix[:k]) {
			return k
		}
	}
	return 0
}

func (o *outputRouter) emit(p []byte) {
	if len(p) == 0 {
		return
	}
	o.real.Write(p)
	o.mu.Lock()
	var only *capture
	if len(o.running) == 1 {
		for c := range o.running {
			only = c
		}
	}
	o.mu.Unlock()
	if only != nil {
		only.write(p)
	}
}

func (o *outputRouter) begin(c *capture) {
	o.mu.Lock()
	o.running[c] = true
	o.mu.Unlock()
}

// end waits until the call's output went through the pipe, then stops routing to c.
func (o *outputRouter) end(c *capture) {
	o.sync()
	o.mu.Lock()
	delete(o.running, c)
	o.mu.Unlock()
}

// sync waits (at most a second) until everything written before it went through the pipe.
func (o *outputRouter) sync() {
	o.mu.Lock()
	o.seq++
	id := fmt.Sprint(o.seq)
	ch := make(chan struct{})
	o.syncs[id] = ch
	o.mu.Unlock()
	marker := append(append(append([]byte(nil), syncPrefix...), id...), 0)
	if _, err := syscall.Write(1, marker); err == nil {
		select {
		case <-ch:
		case <-time.After(time.Second):
		}
	}
	o.mu.Lock()
	delete(o.syncs, id)
	o.mu.Unlock()
}
