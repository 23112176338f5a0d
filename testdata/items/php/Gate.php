<?php
// A class whose one method calls the flag API: the call's statement, its
// method and its class parse, with the class constant it reads.

namespace App\Gates;

use App\Flags;

#[Attribute("alpha")]
final class Gate
{
    # A hash comment, then an attribute that is no comment.
    #[Deprecated]
    public const KEY = 'beta';

    public function render(Flags $flags): string
    {
        $greeting = "hello {$flags->name("gamma")} ${name}";
        $unrelated = `ls "delta"`;
        if ($flags->is_on(self::KEY)) {
            return 'epsilon';
        }
        return $flags->is_on("zeta") ? "eta" : 'theta';
    }

    /** Methods without a call stay unparsed; their strings still count. */
    public function unrelated(array $rows): array
    {
        $out = [];
        foreach ($rows as $row) {
            switch ($row['kind']) {
                case 'a':
                    $out[] = strtoupper($row['name']);
                    break;
                default:
                    $out[] = match ($row['size']) {
                        1, 2 => 'small',
                        default => 'large',
                    };
            }
        }
        return $out;
    }

    public static function other(): string
    {
        return sprintf('%s-%s', 'alpha', "beta");
    }
}
