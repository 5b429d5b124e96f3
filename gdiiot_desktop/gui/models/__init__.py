"""Table models of the windows, one module per job; the names are re-exported here."""

from __future__ import annotations

from .applications import ApplicationsModel, ApplicationsProxy, AppRow, ListFilter
from .attachments import AttachmentsModel, attachment_detail, duration_text, size_text
from .directions import AUTHORITY_CHOICES, DirectionsModel, authority_text
from .rules import RulesModel, ViolationsModel
from .settings import BACKUP_REASONS, BackupsModel, CountiesModel
from .table import (
    APP_ID_ROLE,
    APPLICATION_ROLE,
    ERROR_COLOR,
    GRADE_COLORS,
    HINT_COLOR,
    NEEDS_COLOR,
    NOT_CHECKED,
    OBJECT_ROLE,
    OK_COLOR,
    SEARCH_ROLE,
    SORT_ROLE,
    VIOLATION_ROLE,
    WARNING_COLOR,
    ProblemCounts,
    Table,
)

__all__ = [
    "APPLICATION_ROLE",
    "APP_ID_ROLE",
    "AUTHORITY_CHOICES",
    "AppRow",
    "ApplicationsModel",
    "ApplicationsProxy",
    "AttachmentsModel",
    "BACKUP_REASONS",
    "BackupsModel",
    "CountiesModel",
    "DirectionsModel",
    "ERROR_COLOR",
    "GRADE_COLORS",
    "HINT_COLOR",
    "ListFilter",
    "NEEDS_COLOR",
    "NOT_CHECKED",
    "OBJECT_ROLE",
    "OK_COLOR",
    "ProblemCounts",
    "RulesModel",
    "SEARCH_ROLE",
    "SORT_ROLE",
    "Table",
    "VIOLATION_ROLE",
    "ViolationsModel",
    "WARNING_COLOR",
    "attachment_detail",
    "authority_text",
    "duration_text",
    "size_text",
]
