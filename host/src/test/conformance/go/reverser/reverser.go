// Package reverser is like testfns.Reverser: the bytes reversed.
package reverser

import "context"

func Handle(ctx context.Context, input []byte) ([]byte, error) {
	out := make([]byte, len(input))
	for i, b := range input {
		out[len(input)-1-i] = b
	}
	return out, nil
}
