package main

func charge(ctx context.Context) bool {
	return flags.PaymentUnreachable.Value(ctx, openfeature.EvaluationContext{})
}
