"""summalign.Error: what went wrong, in which file, and where."""

from __future__ import annotations

from typing import Optional


class Error(Exception):
    """Bad input or a failure of the library (the C++ ``summalign::Error``).

    ``str(error)`` is the one-line message the command prints (``FILE: byte N: what``);
    ``file`` is the name the input was given (``-`` for standard input, the ``name``
    argument for text), ``offset`` the byte offset of the problem in it, or None.
    """

    def __init__(self, message: str, file: str = "", offset: Optional[int] = None) -> None:
        super().__init__(message)
        self.file = file
        self.offset = offset

    def __reduce__(self):  # picklable, so it crosses process boundaries (Dask, multiprocessing)
        return (type(self), (str(self), self.file, self.offset))
