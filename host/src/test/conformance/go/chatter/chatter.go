// Package chatter is like testfns.Chatter: "out TAG", "err TAG", a logger line and "thread TAG"
// for the first word TAG; "overlap", "hold=PATH", "flood=N" and "boom" as there.
package chatter

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

var (
	mu     sync.Mutex
	inside = 0
	both   = make(chan struct{})
)

func Handle(ctx context.Context, input string) (string, error) {
	words := strings.Split(strings.TrimSpace(input), " ")
	tag := words[0]
	fmt.Println("out " + tag)
	for _, word := range words {
		if word == "overlap" {
			mu.Lock()
			inside++
			if inside == 2 {
				close(both)
			}
			mu.Unlock()
			select {
			case <-both:
			case <-time.After(10 * time.Second):
				return "alone", nil
			}
		} else if strings.HasPrefix(word, "hold=") {
			for i := 0; i < 1000; i++ {
				if _, err := os.Stat(strings.TrimPrefix(word, "hold=")); err == nil {
					break
				}
				time.Sleep(10 * time.Millisecond)
			}
		}
	}
	fmt.Fprintln(os.Stderr, "err "+tag)
	ctx.Value("fn4j.logger").(*log.Logger).Println("log " + tag)
	done := make(chan struct{})
	go func() {
		fmt.Println("thread " + tag)
		close(done)
	}()
	<-done
	for _, word := range words {
		if strings.HasPrefix(word, "flood=") {
			n, _ := strconv.Atoi(strings.TrimPrefix(word, "flood="))
			fmt.Print(strings.Repeat("x", n))
		} else if word == "boom" {
			return "", errors.New("boom " + tag)
		}
	}
	return "done " + tag, nil
}
