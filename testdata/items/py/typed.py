"""Constants written with their types, a type that holds commas and
quotes: each may define a key another file's call waits for."""
from typing import Callable, Literal

HANDLER: Callable[[str, int], bool] | str = "lambda"


class Settings:
    mode: Literal["a", "b"] = "mu"
