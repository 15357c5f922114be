// Package hello is a Go function for PolyglotFunctionsIT: greets, sleeps, fails or eats memory.
package hello

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type Input struct {
	Name    string `json:"name"`
	Mode    string `json:"mode"`
	Seconds int    `json:"seconds"`
}

var hoard [][]byte

func Handle(ctx context.Context, in Input) (map[string]string, error) {
	switch in.Mode {
	case "sleep":
		time.Sleep(time.Duration(in.Seconds) * time.Second)
	case "oom":
		for {
			b := make([]byte, 16<<20)
			for i := range b {
				b[i] = 1
			}
			hoard = append(hoard, b)
		}
	case "boom":
		return nil, errors.New("no " + in.Name)
	}
	fmt.Println("greeting " + in.Name)
	return map[string]string{"message": "Hello, " + in.Name, "requestId": ctx.Value("fn4j.requestId").(string)}, nil
}
