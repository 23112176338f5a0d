<?php
# A file with keys and no call, read without a tree: comments, attributes,
# single, double and backtick quotes, and holes of code in them.

#[Route('/id')]
function legacy(array $flags): array
{
    // "id" in a comment is no reference.
    /* nor 'new-ui' here */
    $a = 'it\'s "id"';
    $b = "new-ui";
    $c = "{$flags["id"]} and ${x}";
    return [$a, $b, $c, `echo 'id'`, '#[id]'];
}
