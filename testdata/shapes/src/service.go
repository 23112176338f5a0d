package service

// OpenFeature's short forms take four arguments; attribute.String(k, v)
// and pflag's String(name, value, usage) are not flag calls.
func evaluate(ctx context.Context) bool {
	span.SetAttributes(attribute.String("user_agent.synthetic.type", "test"))
	name := flags.String("name", "default", "usage")
	return client.Boolean(ctx, "go-short-form", false, openfeature.EvaluationContext{}) && name != nil
}
