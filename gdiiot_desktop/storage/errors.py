"""Typed storage errors, each carrying a plain-Chinese message that tells the user what to do next."""

from __future__ import annotations

from pathlib import Path


class StorageError(Exception):
    """Base of every storage error; `message` is shown to the user as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def _backup_hint(backup: Path | None) -> str:
    if backup is None:
        return "目前没有可用的备份。"
    return f"最近的备份是：{backup}。可以用“恢复备份”功能（设置 → 备份）从它恢复。"


class DatabaseMissingError(StorageError):
    """The database file does not exist and was not to be created."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"找不到数据库文件：{path}。请检查路径，或新建一个数据库。")


def _not_a_database(detail: str) -> bool:
    return "not a database" in detail or "file is encrypted" in detail


class DatabaseCorruptError(StorageError):
    """The file fails SQLite's integrity check, or is not an SQLite database at all."""

    def __init__(self, path: Path, latest_backup: Path | None, detail: str = "") -> None:
        self.path = path
        self.latest_backup = latest_backup
        self.detail = detail
        # The SQLite text (English) stays out of the message: the window shows it behind 详细信息.
        what = "该文件不是本程序的数据库文件（或已严重损坏）" if _not_a_database(detail) else "数据库文件已损坏"
        super().__init__(
            f"{what}，无法安全打开：{path}。{_backup_hint(latest_backup)}"
            "恢复前请先把损坏的文件复制保存一份，以便技术人员检查。"
        )


class DatabaseNewerError(StorageError):
    """The database was written by a newer program (its schema revision is unknown here)."""

    def __init__(self, path: Path, revision: str) -> None:
        self.path = path
        self.revision = revision
        super().__init__(
            f"数据库由更新版本的程序创建（版本 {revision}），本程序无法打开。请使用新版程序。"
            f"文件未做任何修改：{path}"
        )


class UnknownDatabaseError(StorageError):
    """An SQLite file that holds tables but is not one of this program's databases."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"该文件不是本程序的数据库：{path}。文件未做任何修改。请选择本程序创建的数据库文件。"
        )


class MigrationError(StorageError):
    """Upgrading an older database failed; the database was left as it was."""

    def __init__(self, path: Path, backup: Path | None, detail: str = "") -> None:
        self.path = path
        self.backup = backup
        self.detail = detail
        where = f"升级前已自动备份到：{backup}。" if backup is not None else ""
        super().__init__(
            f"数据库升级失败，数据库保持升级前的状态：{path}。{where}"
            "请不要继续使用该文件，并把它和备份交给技术人员处理。"
            + (f"（技术信息：{detail}）" if detail else "")
        )


class ReadOnlyDatabaseError(StorageError):
    """A write was attempted on a database opened read-only."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        super().__init__(
            "数据库以只读方式打开（另一个程序窗口正在使用它，或文件所在位置不可写），不能保存修改。"
            "请关闭另一个窗口后重新打开数据库，或把数据库复制到可写的文件夹。"
        )


class DatabaseLockedError(StorageError):
    """The operation needs sole use of the database, but another program instance holds it."""

    def __init__(self, path: Path, action: str) -> None:
        self.path = path
        self.action = action
        super().__init__(
            f"另一个程序窗口正在使用数据库 {path}，无法{action}。请先关闭使用该数据库的其他窗口，然后重试。"
        )


class BackupInvalidError(StorageError):
    """A backup offered for restore is damaged or of an unknown schema."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"备份文件不能用于恢复：{path}。{reason}当前数据库未做任何修改。请选择另一个备份。")


class AttachmentMissingError(StorageError):
    """A stored attachment's file is missing from the attachment store."""

    def __init__(self, sha256: str, path: Path) -> None:
        self.sha256 = sha256
        self.path = path
        super().__init__(
            f"附件文件缺失：{path}（SHA-256 {sha256}）。请重新添加该附件，或从备份中找回附件文件夹。"
        )


class DatabaseBusyError(StorageError):
    """Another program holds SQLite's write lock on the file (a viewer, a sync tool) past the wait."""

    def __init__(self, path: Path, waited_seconds: float) -> None:
        self.path = path
        self.waited_seconds = waited_seconds
        super().__init__(
            f"数据库文件 {path} 正被另一个程序占用（它持有写入锁），等待 {waited_seconds:.0f} 秒后仍未释放，"
            "本次操作没有保存任何修改。请关闭正在使用该文件的其他程序（如 SQLite 查看工具、网盘同步或杀毒软件）后重试。"
        )


class ReadOnlyMediumError(StorageError):
    """Something must be written where nothing can be (a CD, a write-protected USB stick)."""

    def __init__(self, path: Path, action: str) -> None:
        self.path = path
        self.action = action
        super().__init__(
            f"无法{action}：{path} 所在的位置是只读的（如光盘或写保护的 U 盘），不能在那里写入。"
            "数据库本身没有损坏。请把数据库文件复制到电脑上可写的文件夹，用 --db 打开复制后的文件再操作。"
        )


class DatabaseTextDamagedError(StorageError):
    """A text value in the file is not valid UTF-8: bytes changed on disk (a bad sector, a bad copy)."""

    def __init__(self, path: Path, latest_backup: Path | None, detail: str = "") -> None:
        self.path = path
        self.latest_backup = latest_backup
        restore = (
            f"请用最近的备份恢复：gdiiot --db \"{path}\" restore \"{latest_backup}\"（恢复前会自动备份当前文件）。"
            if latest_backup is not None
            else "目前没有可用的备份；请把该文件交给技术人员处理，不要继续修改它。"
        )
        super().__init__(
            f"数据库 {path} 中有一段文字已损坏（不是有效的 UTF-8 编码），无法读取，没有做任何修改。{restore}"
            + (f"（技术信息：{detail[:200]}）" if detail else "")
        )
