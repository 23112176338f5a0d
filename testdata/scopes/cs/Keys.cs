class Keys
{
    public const string Checkout = "csharp-class-key";
}

// The same field name in another class: `Keys.Checkout` is not this one.
class Other
{
    public const string Checkout = "something-else";
}

class Use
{
    bool On() => client.IsEnabled(Keys.Checkout);
}
