// Package latch is like testfns.LatchHandler: "overlapped" once two calls were inside at once.
package latch

import (
	"context"
	"sync"
	"time"
)

var (
	mu     sync.Mutex
	inside = 0
	both   = make(chan struct{})
)

func Handle(ctx context.Context, input string) (string, error) {
	mu.Lock()
	inside++
	if inside == 2 {
		close(both)
	}
	mu.Unlock()
	select {
	case <-both:
		return "overlapped", nil
	case <-time.After(10 * time.Second):
		return "alone", nil
	}
}
