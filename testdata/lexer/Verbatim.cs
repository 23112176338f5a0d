class Verbatim {
    // A verbatim string with a doubled quote, then a key.
    string a = @"say ""id"" here";
    string b = "new-ui";
    string c = $"{"id"} and {{braces}}";
    char q = '"';
}
