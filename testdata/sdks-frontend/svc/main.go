package main

func handler(ctx context.Context) bool {
	span.SetAttributes(attribute.String("not.a.flag", "value"))
	return client.Boolean(ctx, "of-go-short", false, openfeature.EvaluationContext{})
}
