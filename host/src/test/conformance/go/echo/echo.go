// Package echo is like testfns.Echo: the text input back, or nothing for "null".
package echo

import "context"

func Handle(ctx context.Context, input string) (interface{}, error) {
	if input == "null" {
		return nil, nil
	}
	return input, nil
}
