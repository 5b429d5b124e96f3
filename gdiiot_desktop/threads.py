"""Names shared by the GUI's task runner and the storage layer, which must not import each other.

The runner's read pool names its threads with READER_THREAD_PREFIX; storage begins their transactions
DEFERRED (readers never wait in WAL mode) and every other thread's — the single writer, the CLI —
IMMEDIATE, so a unit of work takes the write lock up front and never fails half-way upgrading it."""

READER_THREAD_PREFIX = "gdiiot-read"
WRITER_THREAD_PREFIX = "gdiiot-write"


def is_reader_thread(name: str) -> bool:
    return name.startswith(READER_THREAD_PREFIX)
