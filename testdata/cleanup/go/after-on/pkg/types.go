package pkg

import "context"

type Workload struct {
	Name   string
	Legacy bool
	Ready  bool
}

type Ctx = context.Context

type Client interface {
	BooleanValue(ctx context.Context, flag string, fallback bool, evalCtx map[string]interface{}) (bool, error)
}
