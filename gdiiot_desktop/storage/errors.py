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
