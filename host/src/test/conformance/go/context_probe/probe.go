// Package probe is like testfns.ContextProbe: what the context says, as JSON, after a log line.
package probe

import (
	"context"
	"log"
	"time"
)

func Handle(ctx context.Context, input string) (map[string]interface{}, error) {
	ctx.Value("fn4j.logger").(*log.Logger).Println("probing " + input)
	deadline, _ := ctx.Deadline()
	return map[string]interface{}{
		"requestId":         ctx.Value("fn4j.requestId"),
		"functionName":      ctx.Value("fn4j.functionName"),
		"deadline":          deadline.UnixMilli(),
		"remainingPositive": time.Until(deadline) > 0,
		"config":            ctx.Value("fn4j.config"),
	}, nil
}
