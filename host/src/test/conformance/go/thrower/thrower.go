// Package thrower is like testfns.Thrower: "boom" fails with message "boom", else "ok:" + input.
package thrower

import (
	"context"
	"errors"
)

func Handle(ctx context.Context, input string) (string, error) {
	if input == "boom" {
		return "", errors.New("boom")
	}
	if input == "panic" {
		panic("boom")
	}
	return "ok:" + input, nil
}
