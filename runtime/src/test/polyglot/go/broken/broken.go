package broken

import "context"

func Handle(ctx context.Context, input string) (string, error) {
	return undefinedThing, nil
}
